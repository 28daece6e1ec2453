package uk.gov.em.gateway.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.gov.em.gateway.metrics.IngestMetrics;

/**
 * Answers a body over {@code micronaut.server.max-request-size} with a problem+json 413 in place of
 * Micronaut's default error body. The server refuses such a body before any controller sees it, so the
 * supplier is not known yet.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final long limitBytes;
    private final IngestMetrics metrics;

    public BodyTooLargeHandler(HttpServerConfiguration server, IngestMetrics metrics) {
        this.limitBytes = server.getMaxRequestSize();
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature Micronaut's ExceptionHandler declares
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, IngestMetrics.Reason.TOO_LARGE);
        return Problems.tooLarge(limitBytes);
    }
}
