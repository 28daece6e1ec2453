package uk.gov.em.gateway.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.util.List;

/**
 * The gateway's error responses, one factory per kind of problem, each {@code application/problem+json}.
 * Keeping them together keeps the slugs and titles of the public contract in one place.
 */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> unauthenticated(String detail) {
        return respond(HttpStatus.UNAUTHORIZED, "unauthenticated", "Request not authenticated", detail, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "EM-Signature realm=\"supplier-api\"");
    }

    public static MutableHttpResponse<Problem> unsupportedMediaType(String detail) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail, null)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }

    public static MutableHttpResponse<Problem> tooLarge(long limitBytes) {
        return respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Request body too large",
                "the body must be at most " + limitBytes + " bytes", null);
    }

    /** 400 when any problem is malformed input, else 422 (well-formed but impossible). */
    public static MutableHttpResponse<Problem> invalid(List<FieldProblem> problems, boolean malformed) {
        List<Problem.FieldError> errors = problems.stream()
                .map(p -> new Problem.FieldError(p.field(), p.detail()))
                .toList();
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        return malformed
                ? respond(HttpStatus.BAD_REQUEST, "malformed-notification", "Malformed notification",
                        "the notification is not well-formed: " + fields, errors)
                : respond(HttpStatus.UNPROCESSABLE_ENTITY, "impossible-notification", "Impossible notification",
                        "the notification is well-formed but cannot be true: " + fields, errors);
    }

    public static MutableHttpResponse<Problem> unavailable(long retryAfterSeconds) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unable to accept notifications",
                "the notification was not accepted; send it again later", null)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static MutableHttpResponse<Problem> respond(HttpStatus status, String slug, String title, String detail,
            List<Problem.FieldError> problems) {
        return HttpResponse.<Problem>status(status)
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(new Problem(Problem.TYPE_BASE + slug, title, status.getCode(), detail, problems));
    }
}
