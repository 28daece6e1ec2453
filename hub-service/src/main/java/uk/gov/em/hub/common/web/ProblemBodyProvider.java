package uk.gov.em.hub.common.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Makes the framework's own JSON errors (no such route, a parameter that does not convert, a missing
 * token, a role that may not call) RFC 9457 problems too, so a client parses one error shape. A 5xx
 * never carries the failure's own message (SQL, stack, internal names): the log has it.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    /** What a server-side failure says: never the exception's or the database's own words. */
    static final String SERVER_FAULT = "Something went wrong on our side; it has been logged. Try again later.";

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        if (response.code() >= 500) {
            return Problem.ofStatus(response.code(), response.reason(), SERVER_FAULT);
        }
        String detail = context.getErrors().stream()
                .map(Error::getMessage)
                .collect(Collectors.joining("; "));
        return Problem.ofStatus(response.code(), response.reason(), detail.isEmpty() ? response.reason() : detail);
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }
}
