package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.gateway.auth.SupplierAuthentication;
import uk.gov.em.gateway.auth.domain.AuthDecision;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;
import uk.gov.em.gateway.ratelimit.SupplierRateLimiter;
import uk.gov.em.gateway.ratelimit.domain.RateDecision;

import java.time.Instant;
import java.util.Optional;

/**
 * The checks every ingest endpoint makes before it looks inside a body, in the order a careful webhook
 * receiver makes them: size (cheapest, and before the body is even read when a Content-Length says it),
 * the signature over the raw bytes, and, once the notifications are counted, the supplier's rate limit.
 */
@Singleton
class IngestGate {

    private static final Logger LOG = LoggerFactory.getLogger(IngestGate.class);

    private final SupplierAuthentication authentication;
    private final SupplierRateLimiter rateLimiter;
    private final IngestMetrics metrics;

    IngestGate(SupplierAuthentication authentication, SupplierRateLimiter rateLimiter, IngestMetrics metrics) {
        this.authentication = authentication;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
    }

    /** A 413 when the declared Content-Length alone is over the limit, so the body need not be read. */
    Optional<HttpResponse<?>> declaredTooLarge(HttpRequest<?> request, int maxBytes) {
        if (request.getContentLength() > maxBytes) { // -1 when not declared (chunked): judged once read
            metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, Reason.TOO_LARGE);
            return Optional.of(Problems.tooLarge(maxBytes));
        }
        return Optional.empty();
    }

    /** The authenticated supplier, or the response refusing the request (413 or 401). */
    Admission admit(HttpRequest<?> request, byte[] raw, int maxBytes, Instant now) {
        if (raw.length > maxBytes) {
            metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, Reason.TOO_LARGE);
            return new Admission.Refused(Problems.tooLarge(maxBytes));
        }
        return switch (authentication.authenticate(request, raw, now)) {
            case AuthDecision.Authenticated a -> new Admission.Admitted(a.supplier());
            case AuthDecision.Rejected r -> {
                LOG.debug("Refused unauthenticated request: {}", r.reason());
                metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, Reason.UNAUTHENTICATED);
                yield new Admission.Refused(Problems.unauthenticated(r.detail()));
            }
        };
    }

    /** Empty when the supplier may send this many notifications now (and they are counted), else 429 / 413. */
    Optional<HttpResponse<?>> throttle(String supplier, int notifications) {
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

    /** Whether a request got past the gate. */
    sealed interface Admission {

        record Admitted(String supplier) implements Admission {
        }

        record Refused(HttpResponse<?> response) implements Admission {
        }
    }
}
