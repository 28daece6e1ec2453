package uk.gov.em.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import uk.gov.em.gateway.ratelimit.domain.RateDecision;
import uk.gov.em.gateway.ratelimit.domain.RateLimit;
import uk.gov.em.gateway.ratelimit.domain.RateLimits;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierRateLimiterTest {

    /** One notification an hour after the burst: refill never interferes with a test. */
    private final SupplierRateLimiter limiter = new SupplierRateLimiter(new RateLimits(new RateLimit(1, 10),
            Map.of("slow", new RateLimit(1, 3))));

    @Test
    void countsNotificationsNotRequestsSoABatchSpendsTheBurst() {
        assertThat(limiter.tryAcquire("ems", 10)).isEqualTo(new RateDecision.Allowed());
        assertThat(limiter.tryAcquire("ems", 1)).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void tellsALimitedSupplierWhenToRetryAndSpendsNothing() {
        assertThat(limiter.tryAcquire("ems", 9)).isEqualTo(new RateDecision.Allowed());

        assertThat(limiter.tryAcquire("ems", 3)).isInstanceOfSatisfying(RateDecision.Limited.class,
                limited -> assertThat(limited.retryAfterSeconds()).isBetween(2L, 3L));
        assertThat(limiter.tryAcquire("ems", 1)).isEqualTo(new RateDecision.Allowed());
    }

    @Test
    void keepsEverySuppliersAllowanceApart() {
        assertThat(limiter.tryAcquire("ems", 10)).isEqualTo(new RateDecision.Allowed());

        assertThat(limiter.tryAcquire("other", 10)).isEqualTo(new RateDecision.Allowed());
    }

    @Test
    void appliesASuppliersOverride() {
        assertThat(limiter.tryAcquire("slow", 3)).isEqualTo(new RateDecision.Allowed());
        assertThat(limiter.tryAcquire("slow", 1)).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void saysABatchLargerThanTheWholeBurstCanNeverPass() {
        assertThat(limiter.tryAcquire("slow", 4)).isEqualTo(new RateDecision.LargerThanBurst(3));
    }

    @Test
    void letsAnEmptyBatchThroughWithoutSpendingAnything() {
        assertThat(limiter.tryAcquire("slow", 0)).isEqualTo(new RateDecision.Allowed());
        assertThat(limiter.tryAcquire("slow", 3)).isEqualTo(new RateDecision.Allowed());
    }
}
