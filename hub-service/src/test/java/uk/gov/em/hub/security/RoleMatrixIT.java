package uk.gov.em.hub.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of docs/api/hub-api.md on every endpoint, for every role and for no token at all: no token is
 * 401, a role that may not call is 403, a role that may gets past security (whatever the call then
 * answers: 200, 400, 404, 409). Senior caseworkers are tested with that role alone.
 */
@MicronautTest(transactional = false)
class RoleMatrixIT extends HubIntegrationTest {

    private static final List<String> ROLES = List.of("CASEWORKER", "SENIOR_CASEWORKER", "OPS", "ADMIN");

    /** method, path, and the roles allowed (in ROLES order: caseworker, senior, ops, admin). */
    private record Endpoint(String method, String path, String allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/queues/warnings", "CW SCW - ADMIN"),
            new Endpoint("GET", "/api/v1/cases", "CW SCW - ADMIN"),
            new Endpoint("GET", "/api/v1/cases/no-such-case", "CW SCW - ADMIN"),
            new Endpoint("POST", "/api/v1/cases/no-such-case/claim", "CW SCW - -"),
            new Endpoint("POST", "/api/v1/cases/no-such-case/release", "CW SCW - ADMIN"),
            new Endpoint("POST", "/api/v1/cases/no-such-case/actions", "CW SCW - -"),
            new Endpoint("GET", "/api/v1/subjects/matrix-subject/timeline", "CW SCW - ADMIN"),
            new Endpoint("GET", "/api/v1/subjects/matrix-subject", "CW SCW OPS ADMIN"),
            new Endpoint("PUT", "/api/v1/subjects/matrix-subject", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/breaches-by-type?from=2021-09&to=2022-02", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/backlog", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/outcomes?from=2021-09&to=2022-02", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/supplier-timeliness?from=2021-09&to=2022-02", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/sla?from=2021-09&to=2022-02", "- SCW OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/prosecutions?from=2021-09&to=2022-02", "- SCW OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/safeguarding?from=2021-09&to=2022-02", "- SCW OPS ADMIN"),
            new Endpoint("GET", "/api/v1/mi/data-quality?from=2021-09&to=2022-02", "- SCW OPS ADMIN"),
            new Endpoint("POST", "/api/v1/cases/bulk", "- SCW - -"),
            new Endpoint("GET", "/api/v1/audit/verify", "- - OPS ADMIN"),
            new Endpoint("GET", "/api/v1/subjects/matrix-subject/access-log", "- SCW OPS -"),
            new Endpoint("POST", "/api/v1/subjects/matrix-subject/trail-requests", "CW SCW - -"),
            new Endpoint("POST", "/api/v1/trail-requests/0/outcome", "- SCW OPS -"),
            new Endpoint("GET", "/api/v1/subjects/matrix-subject/trail-requests", "CW SCW OPS -"),
            new Endpoint("POST", "/api/v1/users/matrix-nobody/unlock", "- - - ADMIN"));

    static Stream<Arguments> everyEndpointForEveryRoleAndNoToken() {
        List<Arguments> all = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            String[] allowed = e.allowed().split(" ");
            all.add(Arguments.of(e.method(), e.path(), "no token", 401));
            for (int r = 0; r < ROLES.size(); r++) {
                all.add(Arguments.of(e.method(), e.path(), ROLES.get(r), allowed[r].equals("-") ? 403 : 0));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("everyEndpointForEveryRoleAndNoToken")
    void everyEndpointAnswersEachRoleAsTheMatrixSays(String method, String path, String role, int expected) {
        String token = role.equals("no token") ? null : tokenAs("matrix-" + role.toLowerCase(), role);
        Object body = switch (method) {
            case "PUT" -> Map.of("vulnerable", false);
            case "POST" -> Map.of("action", "NOTE");
            default -> null;
        };
        HttpResponse<String> response = switch (method) {
            case "GET" -> get(path, token);
            case "PUT" -> put(path, body, token);
            default -> post(path, body, token);
        };

        if (expected == 0) {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
        }
    }

    @ParameterizedTest(name = "{0} needs no token")
    @MethodSource("operationalEndpoints")
    void healthAndMetricsAnswerWithoutAToken(String path) {
        assertThat(get(path, null).statusCode()).isEqualTo(200);
    }

    static Stream<String> operationalEndpoints() {
        return Stream.of("/health", "/prometheus");
    }
}
