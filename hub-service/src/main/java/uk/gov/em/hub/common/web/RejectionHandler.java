package uk.gov.em.hub.common.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.gov.em.hub.common.domain.Rejection;

/** Answers every domain {@link Rejection} with its 4xx status and an RFC 9457 problem body. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {Rejection.class, ExceptionHandler.class})
public class RejectionHandler implements ExceptionHandler<Rejection, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Rejection rejection) {
        HttpStatus status = switch (rejection.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        Problem problem = Problem.ofType(rejection.type(), rejection.title(), status.getCode(), rejection.detail());
        return HttpResponse.status(status).contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }
}
