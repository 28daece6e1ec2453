package uk.gov.em.streams.cases;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.cases.domain.CaseRaiser;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.subjects.domain.SubjectFacts;
import uk.gov.em.testing.RepositoryFiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case record's page ({@code docs/api/case-record.md}) and what the stream processor writes agree: the
 * example is exactly the record {@link CaseRaiser} makes for that violation, and the page names exactly the
 * contract's kinds of reason and routes.
 */
class CaseRecordDocumentTest {

    private static final String PAGE = RepositoryFiles.read("docs/api/case-record.md");
    private static final Pattern EXAMPLE = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    /** A row naming a kind or a route: | `ACCUMULATED_BATTERY_VIOLATION` | ... */
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|");

    @Test
    void theExampleIsTheRecordTheStreamProcessorWritesForThatViolation() {
        Matcher example = EXAMPLE.matcher(PAGE);
        assertThat(example.find()).as("a JSON example on the page").isTrue();
        CaseEvent documented = Json.fromBytes(example.group(1).getBytes(StandardCharsets.UTF_8), CaseEvent.class);

        Instant t = Instant.parse("2022-02-03T09:00:00Z");
        Abv abv = new Abv(t, t.minus(Duration.ofDays(7)), List.of(
                new Abv.Contribution(List.of("E1"), Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T03:40:00Z")),
                new Abv.Contribution(List.of("E2"), Instant.parse("2022-02-03T00:40:00Z"), t)));
        List<QualifyingBreach> history = List.of(new QualifyingBreach("ABSENCE_15_MIN",
                Instant.parse("2022-01-10T22:00:00Z"), "C-9b1e7c20d4f3a6b58e0c1d2a"));
        CaseEvent written = CaseRaiser.abv("S-100045", abv, List.of("EMS-000202", "EMS-000201"),
                Instant.parse("2022-02-03T09:05:00Z"), PolicyLoader.loadDefault(), history,
                new SubjectFacts(HarmLevel.HIGH, false)).breachCase();

        assertThat(documented).isEqualTo(written);
    }

    @Test
    void thePageNamesExactlyTheContractsKindsOfReasonAndRoutes() {
        Set<String> documented = PAGE.lines().map(CODE_ROW::matcher).filter(Matcher::find).map(row -> row.group(1))
                .collect(Collectors.toSet());

        assertThat(documented).isEqualTo(names(CaseReason.class, CaseReason.Placement.class));
    }

    private static Set<String> names(Class<?>... polymorphic) {
        return Arrays.stream(polymorphic).flatMap(type -> Arrays.stream(type.getAnnotation(JsonSubTypes.class).value()))
                .map(JsonSubTypes.Type::name).collect(Collectors.toSet());
    }
}
