package uk.gov.em.hub.notifications.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How long each supplier's feed may stay silent before ops must be told: a maximum per named supplier
 * ({@code EM_SUPPLIER_MAX_SILENCE}, e.g. {@code ems=PT30M,backup-centre=PT2H}) and one for any other
 * supplier that has ever sent a notification. Named suppliers are watched even before their first
 * notification, so a feed that never starts is seen too.
 */
public record SilenceLimits(Map<String, Duration> perSupplier, Duration otherwise) {

    public SilenceLimits {
        perSupplier = Map.copyOf(perSupplier);
        if (otherwise.isNegative() || otherwise.isZero()) {
            throw new IllegalArgumentException("the maximum silence must be positive: " + otherwise);
        }
    }

    /**
     * Parses {@code supplier=ISO-8601 duration} pairs separated by commas; blank means no named supplier.
     *
     * @throws IllegalArgumentException naming the pair that is not {@code supplier=duration}
     */
    public static SilenceLimits parse(String spec, Duration otherwise) {
        Map<String, Duration> limits = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] parts = pair.strip().split("=", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("not supplier=duration: '" + pair.strip() + "'");
                }
                try {
                    Duration limit = Duration.parse(parts[1].strip());
                    if (limit.isNegative() || limit.isZero()) {
                        throw new IllegalArgumentException("the maximum silence must be positive: '" + pair.strip() + "'");
                    }
                    limits.put(parts[0].strip(), limit);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not an ISO-8601 duration: '" + pair.strip() + "'", e);
                }
            }
        }
        return new SilenceLimits(limits, otherwise);
    }

    /** The suppliers watched whether or not they have sent anything. */
    public Set<String> named() {
        return perSupplier.keySet();
    }

    public Duration maximumFor(String supplier) {
        return perSupplier.getOrDefault(supplier, otherwise);
    }
}
