package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.common.domain.Rejection;

/** Renders a refusal as a GOV.UK error page with its HTTP status, for people rather than programs. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static HttpResponse<?> of(HttpRequest<?> request, Rejection rejection, CsrfTokens csrf) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return of(request, status, rejection.title(), rejection.detail(), csrf);
    }

    public static HttpResponse<?> of(HttpRequest<?> request, HttpStatus status, String title, String detail,
                                     CsrfTokens csrf) {
        Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(
                PageModel.of("error", title, request, who, csrf).with("status", status.getCode())
                        .with("detail", detail).view());
    }
}
