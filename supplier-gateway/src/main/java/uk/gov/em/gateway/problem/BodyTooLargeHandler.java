package uk.gov.em.gateway.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.gov.em.gateway.ingest.web.IngestProperties;
import uk.gov.em.gateway.metrics.IngestMetrics;

/**
 * Answers a body over {@code micronaut.server.max-request-size} with a problem+json 413 in place of
 * Micronaut's default error body. The server refuses such a body before any controller sees it, so the
 * supplier is not known yet.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final long serverLimitBytes;
    private final long singleLimitBytes;
    private final IngestMetrics metrics;

    public BodyTooLargeHandler(HttpServerConfiguration server, IngestProperties ingest, IngestMetrics metrics) {
        this.serverLimitBytes = server.getMaxRequestSize();
        this.singleLimitBytes = Math.min(serverLimitBytes, ingest.singleMaxBytes());
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature Micronaut's ExceptionHandler declares
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        metrics.rejected(IngestMetrics.UNKNOWN_SUPPLIER, IngestMetrics.Reason.TOO_LARGE);
        // name the limit of the route the supplier used, not the server-wide one
        boolean single = request.getPath().endsWith("/api/v1/notifications");
        return Problems.tooLarge(single ? singleLimitBytes : serverLimitBytes);
    }
}
