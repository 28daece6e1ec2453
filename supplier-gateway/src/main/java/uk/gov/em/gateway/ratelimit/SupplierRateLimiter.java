package uk.gov.em.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Inject;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.gateway.ratelimit.domain.RateDecision;
import uk.gov.em.gateway.ratelimit.domain.RateLimit;
import uk.gov.em.gateway.ratelimit.domain.RateLimits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spends each supplier's allowance in a bucket4j token bucket, one token per notification. Buckets exist only
 * for authenticated suppliers, so the map cannot be grown by strangers. The limit is per gateway instance.
 */
@Context
public class SupplierRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierRateLimiter.class);

    private final RateLimits limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public SupplierRateLimiter(RateLimitProperties properties) {
        this(RateLimits.parse(new RateLimit(properties.perSecond(), properties.burst()), properties.overrides()));
        LOG.info("Rate limits in notifications: {}/s burst {} by default; overrides {}",
                properties.perSecond(), properties.burst(), limits.overrides());
    }

    public SupplierRateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    /** Spends {@code notifications} of the supplier's allowance if it has them, else says when to retry. */
    public RateDecision tryAcquire(String supplier, int notifications) {
        if (notifications == 0) {
            return new RateDecision.Allowed();
        }
        RateLimit limit = limits.of(supplier);
        if (notifications > limit.burst()) {
            return new RateDecision.LargerThanBurst(limit.burst());
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(supplier, s -> bucket(limit))
                .tryConsumeAndReturnRemaining(notifications);
        if (probe.isConsumed()) {
            return new RateDecision.Allowed();
        }
        long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return new RateDecision.Limited(seconds);
    }

    private static Bucket bucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
