package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ViewsRenderer;
import uk.gov.em.hub.common.domain.Rejection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders a refusal as a GOV.UK error page with its HTTP status, for people rather than programs. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static HttpResponse<?> of(HttpRequest<?> request, Rejection rejection, CsrfTokens csrf) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return of(request, status, rejection.title(), rejection.detail(), csrf);
    }

    public static HttpResponse<?> of(HttpRequest<?> request, HttpStatus status, String title, String detail,
                                     CsrfTokens csrf) {
        Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(model(request, who, status, title, detail, csrf).view());
    }

    /**
     * The error page as HTML, rendered here and now: for answers made where the views filter no longer
     * sees the response (security refusals, a page that failed to render).
     */
    public static String html(ViewsRenderer<Map<String, Object>, HttpRequest<?>> views, HttpRequest<?> request,
                              Authentication who, HttpStatus status, String title, String detail, CsrfTokens csrf) {
        Map<String, Object> model = model(request, who, status, title, detail, csrf).view().getModel().orElseThrow();
        StringWriter html = new StringWriter();
        try {
            views.render("error", model, request).writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    private static PageModel model(HttpRequest<?> request, Authentication who, HttpStatus status, String title,
                                   String detail, CsrfTokens csrf) {
        return PageModel.of("error", title, request, who, csrf).with("status", status.getCode()).with("detail", detail);
    }
}
