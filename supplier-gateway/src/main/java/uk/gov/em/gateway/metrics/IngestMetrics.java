package uk.gov.em.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachType;

import java.util.Locale;

/**
 * The gateway's ingest counters: {@code em_gateway_notifications_accepted_total{supplier,type}} and
 * {@code em_gateway_notifications_rejected_total{supplier,reason}}. The supplier tag is only ever a
 * configured supplier id or {@value #UNKNOWN_SUPPLIER}, so an attacker cannot grow the label set.
 */
@Singleton
public class IngestMetrics {

    /** The supplier tag of a rejection before (or without) authentication. */
    public static final String UNKNOWN_SUPPLIER = "unknown";

    static final String ACCEPTED = "em.gateway.notifications.accepted";
    static final String REJECTED = "em.gateway.notifications.rejected";

    /** Why a notification was not accepted. */
    public enum Reason {
        UNAUTHENTICATED, UNSUPPORTED_MEDIA_TYPE, TOO_LARGE, MALFORMED, IMPOSSIBLE, UNAVAILABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String supplier, BreachType type) {
        Counter.builder(ACCEPTED)
                .description("Notifications accepted and durably on Kafka")
                .tag("supplier", supplier)
                .tag("type", type.code())
                .register(registry)
                .increment();
    }

    public void rejected(String supplier, Reason reason) {
        Counter.builder(REJECTED)
                .description("Notifications not accepted, by reason")
                .tag("supplier", supplier)
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
    }
}
