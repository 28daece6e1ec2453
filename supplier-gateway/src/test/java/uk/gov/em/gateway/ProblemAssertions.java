package uk.gov.em.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is an RFC 9457 problem of the gateway, and reads the fields it names. */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://em.example/problems/";

    private ProblemAssertions() {
    }

    /** Asserts status, content type, type slug and the members every problem has; returns the problem. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asText()).isEqualTo(TYPE_BASE + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    /** The fields the problem names, in order; empty when it names none. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode problems = problem.get("problems");
        if (problems != null) {
            problems.forEach(p -> {
                assertThat(p.get("detail").asText()).isNotBlank();
                fields.add(p.get("field").asText());
            });
        }
        return fields;
    }
}
