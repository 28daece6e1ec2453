package uk.gov.em.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail as the gateway sends it ({@code application/problem+json}), with the
 * extension member {@code problems} naming each bad field when the fault lies in particular fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> problems) {

    /** The base of every problem type URI; the slug after it names the kind of problem. */
    public static final String TYPE_BASE = "https://em.example/problems/";

    public Problem {
        problems = problems == null ? null : List.copyOf(problems);
    }

    /** One bad field of the request body and what is wrong with it. */
    public record FieldError(String field, String detail) {
    }
}
