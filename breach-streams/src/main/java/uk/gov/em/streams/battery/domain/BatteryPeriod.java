package uk.gov.em.streams.battery.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One battery episode of a person as the ABV rule sees it: [{@code from}, {@code to}), or open ({@code to}
 * null) when no end has been reported yet, in which case it runs on indefinitely.
 */
public record BatteryPeriod(String episodeId, Instant from, Instant to) {

    public BatteryPeriod {
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("episode " + episodeId + " ends before it starts");
        }
    }

    public boolean isOpen() {
        return to == null;
    }
}
