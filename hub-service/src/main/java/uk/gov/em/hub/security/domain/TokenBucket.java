package uk.gov.em.hub.security.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One source's allowance of sign-in attempts: up to {@code burst} at once, one more every {@code refill}.
 * Immutable: {@link #take} answers what the next bucket is, so the caller keeps one per key atomically.
 *
 * @param tokens     attempts left when last looked at
 * @param observedAt when that was
 */
public record TokenBucket(double tokens, Instant observedAt) {

    /** How big a bucket is and how fast it refills. */
    public record Limit(int burst, Duration refill) {
        public Limit {
            if (burst <= 0 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("a sign-in limit needs a positive burst and refill interval");
            }
        }
    }

    /** What taking one attempt from a bucket decided. */
    public sealed interface Take permits Granted, Refused {
    }

    /** Allowed; the bucket is now {@code after}. */
    public record Granted(TokenBucket after) implements Take {
    }

    /** Not allowed: the bucket is empty for {@code retryAfter} more. */
    public record Refused(TokenBucket after, Duration retryAfter) implements Take {
    }

    public static TokenBucket full(Limit limit, Instant now) {
        return new TokenBucket(limit.burst(), now);
    }

    /** Takes one attempt, after refilling for the time since the bucket was last looked at. */
    public Take take(Limit limit, Instant now) {
        TokenBucket refilled = refilled(limit, now);
        if (refilled.tokens >= 1) {
            return new Granted(new TokenBucket(refilled.tokens - 1, now));
        }
        long waitNanos = (long) Math.ceil((1 - refilled.tokens) * limit.refill().toNanos());
        return new Refused(refilled, Duration.ofNanos(waitNanos));
    }

    /** Gives one attempt back (a successful sign-in costs nothing), never above the burst. */
    public TokenBucket refund(Limit limit) {
        return new TokenBucket(Math.min(limit.burst(), tokens + 1), observedAt);
    }

    /** True when the bucket has refilled completely by {@code now}: it can be forgotten. */
    public boolean isFull(Limit limit, Instant now) {
        return refilled(limit, now).tokens >= limit.burst();
    }

    private TokenBucket refilled(Limit limit, Instant now) {
        double elapsed = Math.max(0, Duration.between(observedAt, now).toNanos());
        return new TokenBucket(Math.min(limit.burst(), tokens + elapsed / limit.refill().toNanos()), now);
    }
}
