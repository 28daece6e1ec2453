package uk.gov.em.gateway.ingest.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import uk.gov.em.gateway.auth.SupplierAuthentication;
import uk.gov.em.gateway.auth.domain.AuthDecision;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Admits a request to the two ingest routes, or answers it, in the order of the supplier API
 * (supplier-gateway/README.md, "Order of checks"): size from Content-Length before the body is read (413), the
 * body read without holding a thread and its size again (413), the HMAC signature over the raw bytes and the
 * replay window (401), the Content-Type (415, charged one notification of allowance), and on the single route the
 * rate limit (429). An admitted request carries a {@link SignedBody} attribute; the controllers only parse and
 * publish. A batch is charged once it is counted, by {@link BatchController}.
 *
 * <p>The checks run on the blocking executor, and the route continues on that thread, because a Kafka send may
 * wait up to {@code max.block.ms}; no thread waits for the body itself.
 */
@ServerFilter(value = {SignedIngestFilter.SINGLE, SignedIngestFilter.BATCH}, methods = HttpMethod.POST)
public class SignedIngestFilter implements Ordered {

    static final String SINGLE = "/api/v1/notifications";
    static final String BATCH = "/api/v1/notifications/batch";

    private static final Logger LOG = LoggerFactory.getLogger(SignedIngestFilter.class);

    private final SupplierAuthentication authentication;
    private final SupplierAllowance allowance;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final ExecutorService blocking;
    private final int singleMaxBytes;
    private final int batchMaxBytes;

    SignedIngestFilter(SupplierAuthentication authentication, SupplierAllowance allowance, IngestMetrics metrics,
            Clock clock, IngestProperties ingest, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authentication = authentication;
        this.allowance = allowance;
        this.metrics = metrics;
        this.clock = clock;
        this.blocking = blocking;
        this.singleMaxBytes = ingest.singleMaxBytes();
        this.batchMaxBytes = ingest.batchMaxBytes();
    }

    /** After the request timing of {@code RequestLatencyFilter}, so refusals are timed too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /** Answers the refusal, or proceeds to the controller with a {@link SignedBody} on the request. */
    @RequestFilter
    public Publisher<MutableHttpResponse<?>> admit(ServerHttpRequest<?> request,
            FilterContinuation<Publisher<MutableHttpResponse<?>>> route) {
        boolean batch = BATCH.equals(request.getPath());
        int maxBytes = batch ? batchMaxBytes : singleMaxBytes;
        if (request.getContentLength() > maxBytes) { // -1 when not declared (chunked): judged once read
            return Mono.just(tooLarge(maxBytes));
        }
        return Mono.fromFuture(request.byteBody().buffer().thenApplyAsync(buffered -> {
            try (buffered) {
                return admit(request, batch, maxBytes, buffered.toByteArray());
            }
        }, blocking)).flatMap(refusal -> refusal.isPresent() ? Mono.just(refusal.get()) : Mono.from(route.proceed()));
    }

    /** The response refusing the request, or empty once it carries its {@link SignedBody}. */
    private Optional<MutableHttpResponse<?>> admit(HttpRequest<?> request, boolean batch, int maxBytes, byte[] raw) {
        if (raw.length > maxBytes) {
            return Optional.of(tooLarge(maxBytes));
        }
        Instant now = clock.instant();
        String supplier;
        switch (authentication.authenticate(request, raw, now)) {
            case AuthDecision.Authenticated a -> supplier = a.supplier();
            case AuthDecision.Rejected r -> {
                LOG.debug("Refused unauthenticated request: {}", r.reason());
                metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, Reason.UNAUTHENTICATED);
                return Optional.of(Problems.unauthenticated(r.detail()));
            }
        }
        Optional<MediaType> contentType = request.getContentType();
        Optional<BatchContentType> form = batch ? BatchContentType.of(contentType)
                : JsonContentType.problemWith(contentType).isEmpty() ? Optional.of(BatchContentType.JSON)
                : Optional.empty();
        if (form.isEmpty()) {
            return allowance.spend(supplier, 1).or(() -> {
                metrics.rejected(supplier, Reason.UNSUPPORTED_MEDIA_TYPE);
                return Optional.of(unsupported(batch, contentType));
            });
        }
        if (!batch) {
            Optional<MutableHttpResponse<?>> limited = allowance.spend(supplier, 1);
            if (limited.isPresent()) {
                return limited;
            }
        }
        request.setAttribute(SignedBody.ATTRIBUTE, new SignedBody(supplier, now, raw, form.get()));
        return Optional.empty();
    }

    private static MutableHttpResponse<?> unsupported(boolean batch, Optional<MediaType> contentType) {
        return batch
                ? Problems.unsupportedMediaType("Content-Type must be application/json (an array of notifications) "
                        + "or text/csv (a daily report), in UTF-8", BatchContentType.ACCEPTED)
                : Problems.unsupportedMediaType(JsonContentType.problemWith(contentType).orElseThrow());
    }

    private MutableHttpResponse<?> tooLarge(int maxBytes) {
        metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, Reason.TOO_LARGE);
        return Problems.tooLarge(maxBytes);
    }
}
