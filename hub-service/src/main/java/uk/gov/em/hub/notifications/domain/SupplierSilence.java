package uk.gov.em.hub.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How long one supplier's feed has been silent, measured from the gateway's receive time of its latest
 * notification stored by the hub: durable data, so the figure survives restarts and is the same whichever
 * instance reports it, however many gateways received the notifications. A supplier that has never sent
 * anything has been silent for ever.
 */
public record SupplierSilence(String supplier, Optional<Instant> lastReceived, Duration maximum) {

    /** Whether the feed is within its limit or has been silent longer than it may be. */
    public enum Status { WITHIN_LIMIT, SILENT_TOO_LONG }

    /** One entry per named supplier and per supplier with a stored notification, in supplier order. */
    public static List<SupplierSilence> of(Map<String, Instant> lastReceived, SilenceLimits limits) {
        TreeSet<String> suppliers = new TreeSet<>(lastReceived.keySet());
        suppliers.addAll(limits.named());
        List<SupplierSilence> all = new ArrayList<>();
        for (String supplier : suppliers) {
            all.add(new SupplierSilence(supplier, Optional.ofNullable(lastReceived.get(supplier)),
                    limits.maximumFor(supplier)));
        }
        all.sort(Comparator.comparing(SupplierSilence::supplier));
        return List.copyOf(all);
    }

    /** Seconds since the latest notification (never negative); infinite when there has been none. */
    public double seconds(Instant now) {
        return lastReceived.map(last -> Math.max(0, Duration.between(last, now).toMillis()) / 1000.0)
                .orElse(Double.POSITIVE_INFINITY);
    }

    public Status status(Instant now) {
        return seconds(now) > maximum.toSeconds() ? Status.SILENT_TOO_LONG : Status.WITHIN_LIMIT;
    }
}
