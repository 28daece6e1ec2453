package uk.gov.em.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import uk.gov.em.gateway.auth.domain.SupplierSecrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierActivityTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SupplierActivity activity = new SupplierActivity(SupplierSecrets.parse("ems=ems-secret-0123456789abcdef0123456789,quiet=quiet-secret-0123456789abcdef0123456789"), clock, registry);

    @Test
    void countsASuppliersSilenceFromItsLastAcceptedNotification() {
        clock.advance(Duration.ofSeconds(90));
        activity.accepted("ems");
        clock.advance(Duration.ofSeconds(30));

        assertThat(silence("ems")).isEqualTo(30.0);
    }

    @Test
    void countsASupplierThatNeverPostedAsSilentSinceStartUp() {
        clock.advance(Duration.ofMinutes(10));

        assertThat(silence("quiet")).isEqualTo(600.0);
    }

    @Test
    void publishesAGaugeForEveryConfiguredSupplierAndNoOther() {
        activity.accepted("stranger");

        assertThat(registry.find(SupplierActivity.SILENCE).gauges())
                .extracting(g -> g.getId().getTag("supplier"))
                .containsExactlyInAnyOrder("ems", "quiet");
    }

    private double silence(String supplier) {
        Gauge gauge = registry.get(SupplierActivity.SILENCE).tag("supplier", supplier).gauge();
        return gauge.value();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
