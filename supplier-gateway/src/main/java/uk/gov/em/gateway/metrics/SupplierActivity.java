package uk.gov.em.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import uk.gov.em.gateway.auth.domain.SupplierSecrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code em_gateway_supplier_silence_seconds{supplier}}: for every configured supplier, the seconds since
 * the gateway last accepted one of its notifications (since start-up while none has arrived yet). A silent
 * supplier feed is the first sign of people not being monitored, so it is alerted on, not only graphed.
 * Registered at start-up so a supplier that never posts is visible too.
 */
@Context
public final class SupplierActivity {

    static final String SILENCE = "em.gateway.supplier.silence";

    private final Clock clock;
    private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();

    public SupplierActivity(SupplierSecrets suppliers, Clock clock, MeterRegistry registry) {
        this.clock = clock;
        Instant start = clock.instant();
        for (String supplier : suppliers.suppliers()) {
            lastAccepted.put(supplier, start);
            Gauge.builder(SILENCE, () -> secondsSilent(supplier))
                    .description("Seconds since the supplier's last accepted notification (since start-up if none yet)")
                    .baseUnit("seconds")
                    .tag("supplier", supplier)
                    .register(registry);
        }
    }

    void accepted(String supplier) {
        lastAccepted.computeIfPresent(supplier, (s, previous) -> clock.instant());
    }

    double secondsSilent(String supplier) {
        Instant last = lastAccepted.get(supplier);
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }
}
