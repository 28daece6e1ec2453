package uk.gov.em.hub.contract;

import io.micronaut.http.HttpMethod;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.accesslog.web.PersonDataAccessFilter;
import uk.gov.em.hub.common.web.Problem;
import uk.gov.em.hub.security.domain.Roles;
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
 * {@code @Secured} lets in, and each lists its success answer and RFC 9457 problem answers. {@code POST /login}
 * (micronaut-security's controller, described by hand in {@code src/main/openapi/sign-in.yml}) is checked too.
 */
@MicronautTest(transactional = false)
class HubOpenApiDocumentIT extends HubIntegrationTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String SIGN_IN = "POST /login";

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
        Set<String> apiCalls = new TreeSet<>(documented.keySet());
        apiCalls.remove(SIGN_IN);

        assertThat(apiCalls).as("documented /api operations").hasSizeGreaterThan(20)
                .containsExactlyInAnyOrderElementsOf(apiRoutes().keySet());
        assertThat(routes().keySet()).as("every route the hub serves").containsAll(documented.keySet());
    }

    @Test
    void everyOperationHasASummaryAUniqueIdAndTheTagOfItsFeature() {
        assertThat(documented).allSatisfy((call, operation) -> {
            assertThat(operation.getSummary()).as(call).isNotBlank();
            assertThat(operation.getTags()).as(call).hasSize(1);
        });
        assertThat(documented.values().stream().map(Operation::getOperationId).distinct())
                .hasSameSizeAs(documented.values());
        assertThat(documented.get("GET /api/v1/cases/{}").getTags()).containsExactly("cases");
    }

    @Test
    void everyOperationNamesExactlyTheRolesItsRouteLetsIn() {
        Map<String, UriRouteInfo<?, ?>> routes = routes();
        Map<String, Set<String>> documentedRoles = new LinkedHashMap<>();
        Map<String, Set<String>> securedRoles = new LinkedHashMap<>();
        documented.forEach((call, operation) -> {
            documentedRoles.put(call, roles(operation.getSecurity()));
            UriRouteInfo<?, ?> route = routes.get(call);
            securedRoles.put(call, route == null ? Set.of() : Arrays.stream(route.getAnnotationMetadata()
                    .stringValues(Secured.class)).filter(role -> !role.equals(SecurityRule.IS_ANONYMOUS))
                    .collect(Collectors.toCollection(TreeSet::new)));
        });

        assertThat(documentedRoles).isEqualTo(securedRoles);
        documentedRoles.remove(SIGN_IN);
        assertThat(documentedRoles).allSatisfy((call, roles) ->
                assertThat(roles).as(call).isNotEmpty().allMatch(Roles.ALL::contains));
        assertThat(securedRoles.get(SIGN_IN)).as("anyone may sign in").isEmpty();
        assertThat(documented.get(SIGN_IN).getSecurity()).as("signing in needs no token").isNotNull().isEmpty();
        Schema<?> signedIn = document.getComponents().getSchemas().get("SignInResponse");
        Schema<?> tokenRoles = (Schema<?>) signedIn.getProperties().get("roles");
        assertThat(tokenRoles.getItems().getEnum().stream().map(String::valueOf).toList())
                .as("the roles a token may carry").containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }

    @Test
    void everyOperationListsItsSuccessAndItsProblemAnswers() {
        assertThat(documented).allSatisfy((call, operation) -> {
            Map<String, ApiResponse> responses = operation.getResponses();
            assertThat(responses.keySet()).as(call).anyMatch(code -> code.startsWith("2"))
                    .containsAll(call.equals(SIGN_IN) ? List.of("401", "429") : List.of("401", "403"));
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
        assertThat(documented.get(SIGN_IN).getResponses().get("429").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void aRefusedSignInAnswersTheProblemTheDocumentDescribes() {
        HttpResponse<String> refused = login(CASEWORKER, "not-the-password");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(documented.get(SIGN_IN).getResponses()).containsKey("401");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
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
                .get("application/json").getSchema().get$ref()).endsWith("CaseDetail");
        assertThat(document.getComponents().getSchemas().get("CaseDetail").getProperties())
                .containsKeys("caseId", "status", "allowedActions", "audit");
    }

    @Test
    void theReadsOfAPersonsDataListThePurposeTheAccessLogRecords() {
        List<String> reads = List.of("GET /api/v1/cases/{}", "GET /api/v1/cases", "GET /api/v1/subjects/{}",
                "GET /api/v1/subjects/{}/timeline", "GET /api/v1/subjects/{}/trail-requests");

        assertThat(reads).allSatisfy(call -> assertThat(documented.get(call).getParameters())
                .as(call).anySatisfy(parameter -> {
                    assertThat(parameter.getName()).isEqualTo(PersonDataAccessFilter.PURPOSE);
                    assertThat(parameter.getIn()).isEqualTo("query");
                }));
        assertThat(documented.get("GET /api/v1/mi/backlog").getParameters()).as("no person's data").isNullOrEmpty();
    }

    /** "GET /api/v1/cases/{}" → the route, for every route the hub serves (HEAD, which follows GET, left out). */
    private Map<String, UriRouteInfo<?, ?>> routes() {
        Map<String, UriRouteInfo<?, ?>> routes = new TreeMap<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .forEach(route -> routes.put(route.getHttpMethod().name() + " "
                        + normalised(route.getUriMatchTemplate().toString()), route));
        return routes;
    }

    private Map<String, UriRouteInfo<?, ?>> apiRoutes() {
        Map<String, UriRouteInfo<?, ?>> api = new TreeMap<>(routes());
        api.keySet().removeIf(call -> !call.contains(" /api/"));
        return api;
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
