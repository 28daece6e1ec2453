package uk.gov.em.hub.contract;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.common.web.Problem;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the hub serves ({@code /openapi/hub-api.yml}, generated from the controllers) and the
 * routes the running hub really serves agree: every {@code /api/} route is documented with its method, every
 * documented operation is served, each operation's security requirement names exactly the roles its route's
 * {@code @Secured} lets in, and each lists its success answer and RFC 9457 problem answers.
 */
@MicronautTest(transactional = false)
class HubOpenApiDocumentIT extends HubIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Inject
    Router router;

    private HttpResponse<String> served;
    private OpenAPI document;
    /** "GET /api/v1/cases/{}" → the operation. */
    private final Map<String, Operation> documented = new TreeMap<>();

    @BeforeAll
    void readTheServedDocument() {
        served = get("/openapi/hub-api.yml", null);
        document = new OpenAPIParser().readContents(served.body(), null, null).getOpenAPI();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                documented.put(method.name() + " " + normalised(path), operation)));
    }

    @Test
    void servesTheGeneratedDocumentToAnyoneWithoutAToken() {
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(document.getInfo().getTitle()).isEqualTo("EM hub API");
        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer");
    }

    @Test
    void documentsEveryApiRouteTheHubServesAndNothingItDoesNot() {
        assertThat(documented.keySet()).as("documented operations").hasSizeGreaterThan(20)
                .containsExactlyInAnyOrderElementsOf(apiRoutes().keySet());
    }

    @Test
    void everyOperationNamesExactlyTheRolesItsRouteLetsIn() {
        Map<String, UriRouteInfo<?, ?>> routes = apiRoutes();
        Map<String, Set<String>> documentedRoles = new LinkedHashMap<>();
        Map<String, Set<String>> securedRoles = new LinkedHashMap<>();
        documented.forEach((call, operation) -> {
            documentedRoles.put(call, roles(operation.getSecurity()));
            UriRouteInfo<?, ?> route = routes.get(call);
            securedRoles.put(call, route == null ? Set.of() : Arrays.stream(route.getAnnotationMetadata()
                    .stringValues(Secured.class)).collect(Collectors.toCollection(TreeSet::new)));
        });

        assertThat(documentedRoles).allSatisfy((call, roles) -> assertThat(roles).as(call).isNotEmpty());
        assertThat(documentedRoles).isEqualTo(securedRoles);
    }

    @Test
    void everyOperationListsItsSuccessAndItsProblemAnswers() {
        assertThat(documented).allSatisfy((call, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            assertThat(responses.keySet()).as(call).anyMatch(code -> code.startsWith("2"))
                    .contains("401", "403");
            responses.forEach((code, response) -> {
                if (code.startsWith("4")) {
                    MediaType problem = response.getContent().get(Problem.MEDIA_TYPE);
                    assertThat(problem).as(call + " " + code + " is a problem").isNotNull();
                    assertThat(problem.getSchema().get$ref()).as(call + " " + code).isEqualTo(PROBLEM_SCHEMA);
                }
            });
        });
        assertThat(documented.get("GET /api/v1/cases/{}").getResponses()).containsKeys("200", "404");
        assertThat(documented.get("POST /api/v1/cases/{}/claim").getResponses()).containsKeys("200", "404", "409");
        assertThat(documented.get("POST /api/v1/cases/{}/actions").getResponses())
                .containsKeys("200", "400", "404", "409", "422");
        assertThat(documented.get("POST /api/v1/subjects/{}/trail-requests").getResponses())
                .containsKeys("201", "400", "422").doesNotContainKey("200");
        assertThat(documented.get("POST /api/v1/users/{}/unlock").getResponses()).containsKeys("204", "404")
                .doesNotContainKey("200");
    }

    @Test
    void theProblemSchemaHasTheFieldsOfTheProblemTheHubAnswers() {
        Set<String> fields = Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());

        assertThat(document.getComponents().getSchemas().get("Problem").getProperties().keySet())
                .containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void requestBodiesAndAnswersAreDescribedByTheirRecords() {
        assertThat(documented.get("POST /api/v1/cases/{}/actions").getRequestBody().getContent()
                .get("application/json").getSchema().get$ref()).endsWith("ActionRequest");
        assertThat(documented.get("PUT /api/v1/subjects/{}").getRequestBody().getContent()
                .get("application/json").getSchema().get$ref()).endsWith("SubjectRequest");
        assertThat(documented.get("GET /api/v1/cases/{}").getResponses().get("200").getContent()
                .get("application/json").getSchema().get$ref()).endsWith("CaseDetailResponse");
        assertThat(document.getComponents().getSchemas().get("CaseDetailResponse").getProperties())
                .containsKeys("caseId", "status", "allowedActions", "audit");
    }

    /** "GET /api/v1/cases/{}" → the route, for every /api route the hub serves (HEAD, which follows GET, left out). */
    private Map<String, UriRouteInfo<?, ?>> apiRoutes() {
        Map<String, UriRouteInfo<?, ?>> routes = new TreeMap<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api/"))
                .forEach(route -> routes.put(route.getHttpMethod().name() + " "
                        + normalised(route.getUriMatchTemplate().toString()), route));
        return routes;
    }

    private static Set<String> roles(List<SecurityRequirement> security) {
        Set<String> roles = new TreeSet<>();
        if (security != null) {
            security.forEach(requirement -> requirement.values().forEach(roles::addAll));
        }
        return roles;
    }

    /** A route with its variables' names taken out, and no query part: /api/v1/cases/{} */
    private static String normalised(String template) {
        String path = template.replaceAll("\\{\\?[^}]*}", "");
        return PATH_VARIABLE.matcher(path).replaceAll("{}");
    }
}
