package uk.gov.em.contracts;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.json.Json;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBuffersTest {

    private static final ReceivedNotification RECEIVED = new ReceivedNotification("ems-1",
            Instant.parse("2026-11-26T02:00:00Z"), new Notification("N-1", "S-1", "D-1", BreachType.STRAP_TAMPER,
            Instant.parse("2026-11-26T01:59:00Z"), null, null, null));

    @Test
    void jsonWrittenAndReadOnOneNewVirtualThreadAfterAnotherReusesTheSameBuffers() throws InterruptedException {
        RecyclerPool<BufferRecycler> pool = Json.mapper().getFactory()._getRecyclerPool();
        int pooledBefore = pool.pooledCount();
        for (int request = 0; request < 50; request++) {
            AtomicReference<ReceivedNotification> read = new AtomicReference<>();
            Thread.ofVirtual().start(() -> read.set(Json.fromBytes(Json.toBytes(RECEIVED), ReceivedNotification.class)))
                    .join();
            assertThat(read.get()).isEqualTo(RECEIVED);
        }
        // A pool kept per thread cannot count what it holds (-1) and would have made 50 sets of buffers here.
        assertThat(pool.pooledCount()).isBetween(1, Math.max(pooledBefore, 0) + 1);
    }

    @Test
    void everyFactoryBorrowsFromTheSharedMappersPool() {
        assertThat(Json.factory()._getRecyclerPool()).isSameAs(Json.mapper().getFactory()._getRecyclerPool());
        assertThat(Json.factory()).isNotSameAs(Json.factory());
    }
}
