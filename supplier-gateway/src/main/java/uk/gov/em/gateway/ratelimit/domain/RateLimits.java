package uk.gov.em.gateway.ratelimit.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate limit of every supplier: a default, and per-supplier overrides read from one configuration string
 * {@code supplierA=perSecond/burst,supplierB=perSecond/burst} (e.g. {@code ems-dev=1000/10000}, generous
 * enough for a back-fill of 10,000 notifications in batches without a single 429).
 */
public record RateLimits(RateLimit defaults, Map<String, RateLimit> overrides) {

    public RateLimits {
        overrides = Map.copyOf(overrides);
    }

    /** @throws IllegalArgumentException naming the faulty entry */
    public static RateLimits parse(RateLimit defaults, String overrides) {
        Map<String, RateLimit> bySupplier = new LinkedHashMap<>();
        if (overrides != null && !overrides.isBlank()) {
            for (String entry : overrides.split(",", -1)) {
                String[] parts = entry.strip().split("[=/]", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("rate limit override '" + entry.strip()
                            + "' is not supplier=perSecond/burst");
                }
                try {
                    bySupplier.put(parts[0].strip(), new RateLimit(Long.parseLong(parts[1].strip()),
                            Long.parseLong(parts[2].strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("rate limit override '" + entry.strip()
                            + "' needs whole numbers: supplier=perSecond/burst", e);
                }
            }
        }
        return new RateLimits(defaults, bySupplier);
    }

    public RateLimit of(String supplier) {
        return overrides.getOrDefault(supplier, defaults);
    }
}
