package uk.gov.em.streams.battery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The accumulated battery violation rule (docs/policy.md §3), exactly and independent of arrival order.
 *
 * <p>Given a person's battery periods, it finds every ABV instant: the first T after the consumption point c
 * at which the merged battery time inside (max(T − window, c), T] reaches the threshold; then c = T and
 * again. That measure f(T) is continuous and piecewise linear in T with slope −1, 0 or +1, changing only at
 * the merged periods' starts and ends, those plus the window, and c plus the window. So T is found exactly,
 * with no time step: evaluate f at each breakpoint in order; in the first gap where f reaches the threshold
 * the slope must be +1, and T = breakpoint + (threshold − f(breakpoint)). With whole-second inputs T is a
 * whole second.
 *
 * <p>Open periods run on indefinitely, so the result is always the same whether the calculation happens
 * before or after wall-clock time reaches T; {@link Result#pending()} is the next ABV after {@code until}
 * (raised when the clock gets there, if nothing changes first).
 */
public final class AbvCalculator {

    /** Far enough in the future to stand for "still open", small enough that adding a window never overflows. */
    private static final long OPEN_END = Long.MAX_VALUE / 4;

    private final long threshold;
    private final long window;

    public AbvCalculator(Duration threshold, Duration window) {
        if (threshold.isNegative() || threshold.isZero() || window.compareTo(threshold) < 0) {
            throw new IllegalArgumentException("need 0 < threshold <= window");
        }
        this.threshold = threshold.toMillis();
        this.window = window.toMillis();
    }

    /** Every ABV at or before {@code until} after {@code consumedUntil}, and the first one after it, if any. */
    public Result calculate(List<BatteryPeriod> periods, Instant consumedUntil, Instant until) {
        List<Segment> merged = merge(periods);
        List<Abv> found = new ArrayList<>();
        long consumed = consumedUntil.toEpochMilli();
        long limit = until.toEpochMilli();
        while (true) {
            Optional<Long> next = first(merged, consumed);
            if (next.isEmpty()) {
                return new Result(found, Optional.empty());
            }
            Abv abv = abv(merged, consumed, next.get());
            if (next.get() > limit) {
                return new Result(found, Optional.of(abv));
            }
            found.add(abv);
            consumed = next.get();
        }
    }

    /** The ABVs due by {@code until} (oldest first) and the next one after it. */
    public record Result(List<Abv> due, Optional<Abv> pending) {
        public Result {
            due = List.copyOf(due);
        }
    }

    private Optional<Long> first(List<Segment> merged, long consumed) {
        // the breakpoints after the consumption point, sorted (a plain array: this runs for every notification)
        long[] breakpoints = new long[1 + 4 * merged.size()];
        int count = 0;
        breakpoints[count++] = consumed + window;
        for (Segment s : merged) {
            for (long b : new long[]{s.from, s.to, s.from + window, s.to + window}) {
                if (b > consumed) {
                    breakpoints[count++] = b;
                }
            }
        }
        Arrays.sort(breakpoints, 0, count);
        long previous = consumed;
        long previousValue = 0;
        for (int i = 0; i < count; i++) {
            long b = breakpoints[i];
            if (b == previous) {
                continue;
            }
            long value = measure(merged, consumed, b);
            if (value >= threshold) {
                return Optional.of(previous + (threshold - previousValue));
            }
            previous = b;
            previousValue = value;
        }
        return Optional.empty();
    }

    /** f(T): merged battery time in (max(T − window, consumed), T]. */
    private long measure(List<Segment> merged, long consumed, long at) {
        long lo = Math.max(at - window, consumed);
        long total = 0;
        for (Segment s : merged) {
            total += Math.max(0, Math.min(s.to, at) - Math.max(s.from, lo));
        }
        return total;
    }

    private Abv abv(List<Segment> merged, long consumed, long at) {
        long lo = Math.max(at - window, consumed);
        List<Abv.Contribution> pieces = new ArrayList<>();
        for (Segment s : merged) {
            long from = Math.max(s.from, lo);
            long to = Math.min(s.to, at);
            if (to > from) {
                pieces.add(new Abv.Contribution(s.episodeIds, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)));
            }
        }
        return new Abv(Instant.ofEpochMilli(at), Instant.ofEpochMilli(lo), pieces);
    }

    /** The union of the periods as disjoint segments in time order, each naming the episodes it covers. */
    static List<Segment> merge(List<BatteryPeriod> periods) {
        List<BatteryPeriod> sorted = periods.stream()
                .filter(p -> p.isOpen() || p.to().isAfter(p.from()))
                .sorted(Comparator.comparing(BatteryPeriod::from).thenComparing(BatteryPeriod::episodeId))
                .toList();
        List<Segment> merged = new ArrayList<>();
        for (BatteryPeriod p : sorted) {
            long from = p.from().toEpochMilli();
            long to = p.isOpen() ? OPEN_END : p.to().toEpochMilli();
            Segment last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && from < last.to) {
                List<String> ids = new ArrayList<>(last.episodeIds);
                if (!ids.contains(p.episodeId())) {
                    ids.add(p.episodeId());
                }
                merged.set(merged.size() - 1, new Segment(last.from, Math.max(last.to, to), ids));
            } else {
                merged.add(new Segment(from, to, List.of(p.episodeId())));
            }
        }
        return merged;
    }

    record Segment(long from, long to, List<String> episodeIds) {
    }
}
