package uk.gov.em.hub.pages.common;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Renders a page's view to HTML before the response is written, so that a template failing while it
 * renders answers with the 500 error page instead of never answering.
 * <p>
 * Why: the views filter only attaches a lazy {@link Writable}; Micronaut runs it later, when it writes
 * the body, inside {@code ExecutionFlow.async} on the blocking executor (the {@code WritableBodyWriter}
 * is blocking). That step does not catch what the template throws: the exception ends the thread as
 * uncaught and the response is never completed, so the browser waits on an open connection
 * (micronaut-views issue 832). Rendering here, just outside the views filter and on a blocking thread,
 * turns the failure into an ordinary answer.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageRenderingFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderingFilter.class);

    static final String TITLE = "Sorry, there is a problem with the service";
    static final String DETAIL = "Try again later. If it keeps happening, tell the service desk what you were doing"
            + " and when.";
    /** For when even the error page cannot render (a broken layout): the same words, no template. */
    private static final String PLAIN_ERROR_PAGE = """
            <!DOCTYPE html>
            <html lang="en" class="govuk-template"><head><meta charset="utf-8"><title>%1$s – EM breach hub – GOV.UK</title>
            <link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css"></head>
            <body class="govuk-template__body"><div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">%1$s</h1>
            <p class="govuk-body" id="problem-detail">%2$s</p><p class="govuk-body govuk-hint">Error 500</p>
            <p class="govuk-body"><a class="govuk-link" href="/">Go to your start page</a></p></main></div></body></html>
            """.formatted(TITLE, DETAIL);

    private final ThymeleafViewsRenderer<Map<String, Object>> views;
    private final CsrfTokens csrf;

    public PageRenderingFilter(ThymeleafViewsRenderer<Map<String, Object>> views, CsrfTokens csrf) {
        this.views = views;
        this.csrf = csrf;
    }

    /** Just outside the views filter: its response already carries the view to render. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before();
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof Writable view)) {
            return response;
        }
        try {
            StringWriter html = new StringWriter();
            view.writeTo(html);
            return response.body(html.toString());
        } catch (IOException | RuntimeException failure) {
            return errorPage(request, failure);
        }
    }

    private MutableHttpResponse<?> errorPage(HttpRequest<?> request, Exception failure) {
        String html;
        try {
            html = ErrorPages.html(views, request, request.getUserPrincipal(Authentication.class).orElse(null),
                    HttpStatus.INTERNAL_SERVER_ERROR, TITLE, DETAIL, csrf);
        } catch (RuntimeException errorPageFailure) {
            failure.addSuppressed(errorPageFailure);
            html = PLAIN_ERROR_PAGE;
        }
        LOG.error("{} {} failed to render; answered 500", request.getMethodName(), request.getPath(), failure);
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }
}
