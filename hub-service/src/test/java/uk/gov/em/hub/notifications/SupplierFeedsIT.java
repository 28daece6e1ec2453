package uk.gov.em.hub.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.notifications.persistence.SupplierActivityRepository;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supplier's silence comes from the receive times the hub stored, so any hub instance, started at any
 * time, reports the same figure; a supplier named in the configuration that never sent is silent for ever.
 */
@MicronautTest(transactional = false)
class SupplierFeedsIT extends HubIntegrationTest {

    private final String busy = "busy-" + UUID.randomUUID().toString().substring(0, 8);
    private final String quiet = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NEVER = "never-sent";

    @Inject
    SupplierActivityRepository activity;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.suppliers.max-silence", NEVER + "=PT1H", "hub.metrics.supplier-silence-refresh", "500ms");
    }

    @Test
    void eachSuppliersLatestReceiveTimeIsReadFromTheStoredNotificationsAndExportedWithItsMaximum() {
        Instant morning = Instant.parse("2026-11-25T09:00:00Z");
        publishNotifications(List.of(
                ANotification.aNotification().supplier(busy).occurredAt(morning).reportedAfter(Duration.ofMinutes(1)).build(),
                ANotification.aNotification().supplier(busy).occurredAt(morning.plusSeconds(3600)).reportedAfter(Duration.ofMinutes(1)).build(),
                ANotification.aNotification().supplier(quiet).occurredAt(morning).reportedAfter(Duration.ZERO).build()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(activity.lastReceivedBySupplier())
                .containsEntry(busy, Instant.parse("2026-11-25T10:01:00Z"))
                .containsEntry(quiet, morning)
                .doesNotContainKey(NEVER));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> metrics = get("/prometheus", null).body().lines().toList();
            assertThat(metrics).anySatisfy(line -> assertThat(line)
                    .startsWith("em_hub_supplier_silence_seconds{supplier=\"" + quiet + "\"}"));
            assertThat(metrics).contains(
                    "em_hub_supplier_silence_seconds{supplier=\"" + NEVER + "\"} +Inf",
                    "em_hub_supplier_silence_threshold_seconds{supplier=\"" + NEVER + "\"} 3600.0",
                    "em_hub_supplier_silence_threshold_seconds{supplier=\"" + busy + "\"} 1800.0");
        });
    }
}
