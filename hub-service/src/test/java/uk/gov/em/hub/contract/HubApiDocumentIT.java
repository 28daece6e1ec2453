package uk.gov.em.hub.contract;

import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.RepositoryFiles;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's contract page ({@code docs/api/hub-api.md}) and the running hub agree: every call the page names
 * is served, every {@code /api/} call the hub serves is on the page, and the page's statuses and actions are
 * exactly the hub's.
 */
@MicronautTest(transactional = false)
class HubApiDocumentIT extends HubIntegrationTest {

    private static final String PAGE = RepositoryFiles.read("docs/api/hub-api.md");
    /** A call in a table row: | `GET /api/v1/cases/{caseId}?a=&b=` | ... */
    private static final Pattern CALL = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`?]+)");
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    @Inject
    Router router;

    @Test
    void everyCallThePageNamesIsServedAndEveryApiCallServedIsOnThePage() {
        Set<String> documented = PAGE.lines().map(CALL::matcher).filter(Matcher::find)
                .map(call -> call.group(1) + " " + normalised(call.group(2)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> served = router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD) // Micronaut answers HEAD beside every GET
                .map(route -> route.getHttpMethod().name() + " " + normalised(route.getUriMatchTemplate().toString()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("calls on the page").hasSizeGreaterThan(10);
        assertThat(served).as("calls the hub serves").containsAll(documented);
        assertThat(served.stream().filter(call -> call.contains(" /api/")))
                .as("API calls the hub serves").allMatch(documented::contains, "named on the page");
    }

    @Test
    void thePageNamesExactlyTheHubsStatusesAndActions() {
        assertThat(codesOfSection("### Statuses"))
                .isEqualTo(Arrays.stream(CaseStatus.values()).map(Enum::name).collect(Collectors.toSet()));
        assertThat(codesOfSection("### Actions"))
                .isEqualTo(Arrays.stream(CaseAction.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    /** The codes in the first column of the table under a heading, up to the next heading. */
    private static Set<String> codesOfSection(String heading) {
        String section = PAGE.substring(PAGE.indexOf(heading) + heading.length());
        section = section.substring(0, section.indexOf("\n#"));
        return section.lines().map(CODE_ROW::matcher).filter(Matcher::find).map(row -> row.group(1))
                .collect(Collectors.toSet());
    }

    /** A route with its variables' names taken out, and no query part: /api/v1/cases/{} */
    private static String normalised(String template) {
        String path = template.replaceAll("\\{\\?[^}]*}", "");
        return PATH_VARIABLE.matcher(path).replaceAll("{}");
    }
}
