package uk.gov.em.streams.battery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One accumulated battery violation (docs/policy.md §3) found by {@link AbvCalculator}.
 *
 * @param at           the instant T at which unconsumed battery time in the window reached the threshold
 * @param windowStart  the exclusive start of the window counted: the later of T − 7 days and the previous
 *                     ABV (time at or before it was consumed)
 * @param contributing the pieces of battery time counted, [from, to) within (windowStart, at], overlaps merged
 */
public record Abv(Instant at, Instant windowStart, List<Contribution> contributing) {

    public Abv {
        contributing = List.copyOf(contributing);
    }

    /** The battery time counted: the threshold exactly. */
    public Duration counted() {
        return contributing.stream().map(Contribution::length).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * A piece of the merged battery time that counted. {@code episodeIds} names every episode covering it
     * (more than one where reported periods overlapped; the overlap is counted once).
     */
    public record Contribution(List<String> episodeIds, Instant from, Instant to) {

        public Contribution {
            episodeIds = List.copyOf(episodeIds);
        }

        public Duration length() {
            return Duration.between(from, to);
        }
    }
}
