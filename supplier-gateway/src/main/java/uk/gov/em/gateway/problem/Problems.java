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
        return unsupportedMediaType(detail, MediaType.APPLICATION_JSON);
    }

    /** 415 naming in {@code Accept} the content types the endpoint does take. */
    public static MutableHttpResponse<Problem> unsupportedMediaType(String detail, String accepted) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail, null)
                .header(HttpHeaders.ACCEPT, accepted);
    }

    /** 413 for a batch with more notifications than it may carry. */
    public static MutableHttpResponse<Problem> tooManyNotifications(String detail) {
        return respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-many-notifications", "Too many notifications in one batch",
                detail, null);
    }

    /** 400 for a batch that cannot be read as a batch at all; nothing of it was accepted. */
    public static MutableHttpResponse<Problem> malformedBatch(List<FieldProblem> problems) {
        List<Problem.FieldError> errors = fieldErrors(problems);
        return respond(HttpStatus.BAD_REQUEST, "malformed-batch", "Malformed batch",
                "the batch cannot be read, so none of it was accepted: "
                        + String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList()), errors);
    }

    /** 429 with the seconds after which the supplier's allowance covers the request again. */
    public static MutableHttpResponse<Problem> rateLimited(long retryAfterSeconds) {
        return respond(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Over the supplier's rate limit",
                "nothing was accepted; send again after " + retryAfterSeconds + " s", null)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    public static List<Problem.FieldError> fieldErrors(List<FieldProblem> problems) {
        return problems.stream().map(p -> new Problem.FieldError(p.field(), p.detail())).toList();
    }

    public static MutableHttpResponse<Problem> tooLarge(long limitBytes) {
        return respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large", "Request body too large",
                "the body must be at most " + limitBytes + " bytes", null);
    }

    /** 400 when any problem is malformed input, else 422 (well-formed but impossible). */
    public static MutableHttpResponse<Problem> invalid(List<FieldProblem> problems, boolean malformed) {
        List<Problem.FieldError> errors = fieldErrors(problems);
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
