package uk.gov.em.gateway.metrics;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Times every request to the supplier API, from the moment the server routes it to the moment its response
 * is ready (refusals included), into {@link IngestMetrics#requestTook}.
 */
@ServerFilter("/api/v1/notifications/**")
public class RequestLatencyFilter implements Ordered {

    private static final String STARTED = RequestLatencyFilter.class.getName() + ".started";

    private final IngestMetrics metrics;

    public RequestLatencyFilter(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /** Before the ingest checks, so the refusals they answer are timed too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void stop(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started ->
                metrics.requestTook(endpoint(request.getPath()), response.code(), System.nanoTime() - started));
    }

    static String endpoint(String path) {
        return path.endsWith("/batch") ? "batch" : path.endsWith("/notifications") ? "single" : "other";
    }
}
