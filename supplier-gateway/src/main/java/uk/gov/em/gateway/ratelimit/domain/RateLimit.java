package uk.gov.em.gateway.ratelimit.domain;

/**
 * One supplier's allowance, counted in notifications (a batch of 1,000 costs 1,000): a sustained
 * {@code perSecond} and a {@code burst} that may be spent at once, like a token bucket of that size
 * refilled at that rate. Counting notifications rather than requests makes a batch no cheaper a way round
 * the limit than single posts.
 */
public record RateLimit(long perSecond, long burst) {

    public RateLimit {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst, not " + perSecond
                    + "/s and " + burst);
        }
    }
}
