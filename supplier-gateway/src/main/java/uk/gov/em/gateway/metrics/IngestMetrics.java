package uk.gov.em.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachType;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's ingest meters: {@code em_gateway_notifications_accepted_total{supplier,type}},
 * {@code em_gateway_notifications_rejected_total{supplier,reason}} and the request latency histogram
 * {@code em_gateway_request_duration_seconds{endpoint,status}} (Prometheus histogram buckets, so percentiles
 * can be aggregated across instances). A supplier's silence is not measured here, where each instance sees
 * only its own share of the traffic and forgets it on restart, but by the hub from the stored receive times
 * ({@code em_hub_supplier_silence_seconds}). Tags come from small fixed sets: a supplier tag is only ever a
 * configured supplier id or {@value #UNKNOWN_SUPPLIER}, so an attacker cannot grow the label set.
 */
@Singleton
public class IngestMetrics {

    /** The supplier tag of a rejection before (or without) authentication. */
    public static final String UNKNOWN_SUPPLIER = "unknown";

    static final String ACCEPTED = "em.gateway.notifications.accepted";
    static final String REJECTED = "em.gateway.notifications.rejected";
    static final String DURATION = "em.gateway.request.duration";

    /** Why a notification (or a whole request, when its notifications cannot be counted) was not accepted. */
    public enum Reason {
        UNAUTHENTICATED, UNSUPPORTED_MEDIA_TYPE, TOO_LARGE, MALFORMED, IMPOSSIBLE, RATE_LIMITED, UNAVAILABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    /** Meters looked up once per tag combination, not built and registered again on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(String supplier, BreachType type) {
        accepted(supplier, type, 1);
    }

    public void accepted(String supplier, BreachType type, long count) {
        count(ACCEPTED, "Notifications accepted and durably on Kafka", supplier, "type", type.code(), count);
    }

    public void rejected(String supplier, Reason reason) {
        rejected(supplier, reason, 1);
    }

    public void rejected(String supplier, Reason reason, long count) {
        count(REJECTED, "Notifications not accepted, by reason", supplier, "reason", reason.tag(), count);
    }

    /** Adds {@code count} to the counter {@code name} of this supplier and one further tag. */
    private void count(String name, String description, String supplier, String tag, String value, long count) {
        counters.computeIfAbsent(name + " " + supplier + " " + value, key -> Counter.builder(name)
                        .description(description)
                        .tag("supplier", supplier)
                        .tag(tag, value)
                        .register(registry))
                .increment(count);
    }

    /** One request to an ingest endpoint ({@code single} or {@code batch}) answered with this status. */
    public void requestTook(String endpoint, int status, long nanos) {
        timers.computeIfAbsent(endpoint + " " + status, key -> Timer.builder(DURATION)
                        .description("Time from request to response of the supplier API, by endpoint and status")
                        .tag("endpoint", endpoint)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
