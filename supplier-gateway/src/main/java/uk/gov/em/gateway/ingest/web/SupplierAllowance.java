package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;
import uk.gov.em.gateway.ratelimit.SupplierRateLimiter;
import uk.gov.em.gateway.ratelimit.domain.RateDecision;

import java.util.Optional;

/**
 * The web edge of {@link SupplierRateLimiter}: spends notifications of a supplier's allowance, or answers the 429
 * (with Retry-After) or 413 that refuses them. A refused request spends allowance too (one notification), so
 * refusals are no free retries; the filter and the batch controller both charge through here.
 */
@Singleton
class SupplierAllowance {

    private final SupplierRateLimiter rateLimiter;
    private final IngestMetrics metrics;

    SupplierAllowance(SupplierRateLimiter rateLimiter, IngestMetrics metrics) {
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    /** Empty when the supplier may send this many notifications now (and they are counted), else 429 / 413. */
    Optional<MutableHttpResponse<?>> spend(String supplier, int notifications) {
        return switch (rateLimiter.tryAcquire(supplier, notifications)) {
            case RateDecision.Allowed ignored -> Optional.empty();
            case RateDecision.Limited limited -> {
                metrics.rejected(supplier, Reason.RATE_LIMITED, notifications);
                yield Optional.of(Problems.rateLimited(limited.retryAfterSeconds()));
            }
            case RateDecision.LargerThanBurst larger -> {
                metrics.rejected(supplier, Reason.TOO_LARGE, notifications);
                yield Optional.of(Problems.tooManyNotifications("this batch has " + notifications
                        + " notifications, more than your rate limit allows at once (" + larger.burst()
                        + "); send it in smaller batches"));
            }
        };
    }
}
