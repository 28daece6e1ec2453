package uk.gov.em.hub.notifications.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.notifications.domain.SilenceLimits;
import uk.gov.em.hub.notifications.domain.SupplierSilence;
import uk.gov.em.hub.notifications.persistence.SupplierActivityRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each supplier feed's silence, from the receive times stored in PostgreSQL:
 * {@code em_hub_supplier_silence_seconds{supplier}} and its limit
 * {@code em_hub_supplier_silence_threshold_seconds{supplier}}, which the alert compares. Because the data
 * is durable the figures survive restarts, and every hub instance reports the same one per supplier
 * however many gateways run. The receive times are re-read on a schedule, so a scrape never touches the
 * database; a supplier seen for the first time gets its gauges then.
 */
@Context
public class SupplierFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierFeeds.class);
    static final String SILENCE = "em.hub.supplier.silence";
    static final String THRESHOLD = "em.hub.supplier.silence.threshold";

    private final SupplierActivityRepository activity;
    private final SilenceLimits limits;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Instant> lastReceived = Map.of();

    public SupplierFeeds(SupplierActivityRepository activity, Clock clock, MeterRegistry registry,
                         @Value("${hub.suppliers.max-silence:}") String maxSilence,
                         @Value("${hub.suppliers.default-max-silence:PT30M}") String defaultMaxSilence) {
        this.activity = activity;
        this.clock = clock;
        this.registry = registry;
        this.limits = SilenceLimits.parse(maxSilence, Duration.parse(defaultMaxSilence));
        limits.named().forEach(this::gauge);
    }

    /** Every watched feed now: the named suppliers and every supplier with a stored notification. */
    public List<SupplierSilence> current() {
        return SupplierSilence.of(lastReceived, limits);
    }

    @Scheduled(fixedDelay = "${hub.metrics.supplier-silence-refresh:15s}", initialDelay = "1s")
    void refresh() {
        try {
            Map<String, Instant> latest = Map.copyOf(activity.lastReceivedBySupplier());
            lastReceived = latest;
            latest.keySet().forEach(this::gauge);
        } catch (RuntimeException e) {
            // the gauges keep their last values (and keep growing); /health reports the database
            LOG.warn("Cannot refresh the supplier silence gauges: {}", e.getMessage());
        }
    }

    private void gauge(String supplier) {
        if (!gauged.add(supplier)) {
            return;
        }
        Gauge.builder(SILENCE, this, feeds -> feeds.silence(supplier).seconds(feeds.clock.instant()))
                .description("Seconds since the gateway received the supplier's latest notification stored by the hub "
                        + "(+Inf if it never sent one)")
                .baseUnit("seconds")
                .tag("supplier", supplier)
                .register(registry);
        Gauge.builder(THRESHOLD, this, feeds -> feeds.limits.maximumFor(supplier).toSeconds())
                .description("How long the supplier's feed may stay silent before ops are alerted")
                .baseUnit("seconds")
                .tag("supplier", supplier)
                .register(registry);
    }

    private SupplierSilence silence(String supplier) {
        return new SupplierSilence(supplier, Optional.ofNullable(lastReceived.get(supplier)),
                limits.maximumFor(supplier));
    }
}
