package uk.gov.em.streams.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.policy.domain.InvalidPolicyException;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.policy.domain.Route;
import uk.gov.em.streams.policy.domain.TriggerRoute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    /** docs/policy.md §5, copied row by row from the spec text (not from the policy file). */
    private static final Map<String, TriggerRoute> SPEC_TABLE = specTable();

    private static Map<String, TriggerRoute> specTable() {
        Map<String, TriggerRoute> t = new LinkedHashMap<>();
        row(t, Severity.CRITICAL, Route.REVIEWS, "OUT_OF_CONTACT_7_DAYS");
        row(t, Severity.HIGH, Route.PROSECUTIONS, "STRAP_TAMPER");
        row(t, Severity.HIGH, Route.LADDER, "LOCATION_BREACH", "CURFEW_MISSED_FULL", "MOVED_WITHOUT_VARIATION");
        row(t, Severity.MEDIUM, Route.LADDER, "ACCUMULATED_BATTERY_VIOLATION", "NOT_AVAILABLE_FOR_INSTALLATION",
                "FAILED_ENROLMENT", "HMU_INTERFERENCE", "INTERFERENCE_PID", "MISSED_BIOMETRIC_CHECK", "ABUSIVE_BEHAVIOUR");
        row(t, Severity.LOW, Route.LADDER, "ABSENCE_15_MIN", "CURFEW_MISSED_PARTIAL", "AC_POWER_LOSS",
                "MONITOR_MOVEMENT", "UNSUCCESSFUL_INDUCTION_VISIT", "NEGATIVE_RAM");
        row(t, null, Route.NONE, "BATTERY_DEPLETED", "OUT_OF_CONTACT");
        row(t, null, Route.SUPPLIER_LOG, "INABILITY_TO_MONITOR", "DEVICE_FAULT");
        return Map.copyOf(t);
    }

    private static void row(Map<String, TriggerRoute> table, Severity severity, Route route, String... triggers) {
        for (String trigger : triggers) {
            table.put(trigger, new TriggerRoute(trigger, route, severity));
        }
    }

    @Test
    void theDefaultPolicyRoutesEveryTriggerExactlyAsTheSpecTableSays() {
        Policy policy = PolicyLoader.loadDefault();

        assertThat(policy.triggers()).isEqualTo(SPEC_TABLE);
    }

    @Test
    void theSpecTableItselfCoversTheWholeCatalogueAndBothDerivedTriggers() {
        assertThat(SPEC_TABLE.keySet())
                .containsAll(Arrays.stream(BreachType.values()).map(BreachType::code).collect(Collectors.toSet()))
                .contains("ACCUMULATED_BATTERY_VIOLATION", "OUT_OF_CONTACT_7_DAYS")
                .hasSize(BreachType.values().length + 2);
    }

    @Test
    void theDefaultPolicyCarriesTheVersionLadderAndThresholdsOfTheSpec() {
        Policy policy = PolicyLoader.loadDefault();

        assertThat(policy.version()).isEqualTo("2022.04-v1");
        assertThat(policy.ladder().window()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.battery().accumulationThreshold()).isEqualTo(Duration.ofHours(12));
        assertThat(policy.battery().accumulationWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.battery().outOfContactLimit()).isEqualTo(Duration.ofHours(168));
        assertThat(policy.battery().latenessHorizon()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.deduplication().horizon()).isEqualTo(Duration.ofDays(45));
    }

    @Test
    void theDefaultLadderSendsFirstAndSecondToWarningsThirdToReviewsFourthAndLaterToProsecutions() {
        Policy policy = PolicyLoader.loadDefault();

        assertThat(policy.ladder().queueFor(1)).isEqualTo(Queue.WARNINGS);
        assertThat(policy.ladder().queueFor(2)).isEqualTo(Queue.WARNINGS);
        assertThat(policy.ladder().queueFor(3)).isEqualTo(Queue.REVIEWS);
        assertThat(policy.ladder().queueFor(4)).isEqualTo(Queue.PROSECUTIONS);
        assertThat(policy.ladder().queueFor(27)).isEqualTo(Queue.PROSECUTIONS);
    }

    @Test
    void aPolicyFileNamedByPathIsLoadedInsteadOfTheDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stricter.yaml");
        Files.writeString(file, defaultYaml()
                .replace("version: \"2022.04-v1\"", "version: \"2023.01-v2\"")
                .replace("STRAP_TAMPER:                   { severity: HIGH,     route: prosecutions }",
                        "STRAP_TAMPER:                   { severity: CRITICAL, route: reviews }"));

        Policy policy = PolicyLoader.load(Optional.of(file.toString()));

        assertThat(policy.version()).isEqualTo("2023.01-v2");
        assertThat(policy.routeOf(BreachType.STRAP_TAMPER))
                .isEqualTo(new TriggerRoute("STRAP_TAMPER", Route.REVIEWS, Severity.CRITICAL));
    }

    @Test
    void noPolicyFileMeansTheDefault() {
        assertThat(PolicyLoader.load(Optional.of(" ")).version()).isEqualTo("2022.04-v1");
        assertThat(PolicyLoader.load(Optional.empty()).version()).isEqualTo("2022.04-v1");
    }

    @Test
    void aPolicyThatLeavesOutACatalogueTypeIsRejectedNamingIt() throws IOException {
        String yaml = defaultYaml().lines().filter(l -> !l.contains("NEGATIVE_RAM:"))
                .collect(Collectors.joining("\n"));

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).containsExactly("no route for NEGATIVE_RAM"));
    }

    @Test
    void anUnknownRouteOrSeverityIsRejected() throws IOException {
        String yaml = defaultYaml()
                .replace("route: prosecutions }", "route: prosecution }")
                .replace("{ severity: LOW,      route: ladder }\n  CURFEW_MISSED_PARTIAL", "{ severity: MINOR,    route: ladder }\n  CURFEW_MISSED_PARTIAL");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).containsExactlyInAnyOrder(
                        "STRAP_TAMPER has unknown route 'prosecution' (expected reviews, prosecutions, ladder, none or supplier-log)",
                        "ABSENCE_15_MIN has unknown severity 'MINOR'"));
    }

    @Test
    void aMisspeltSettingIsRejectedRatherThanIgnored() throws IOException {
        String yaml = defaultYaml().replace("horizonDays: 45", "horizonDay: 45");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("horizonDay");
    }

    @Test
    void anEpisodeTypeMayNotOpenACaseByItself() throws IOException {
        String yaml = defaultYaml().replace("BATTERY_DEPLETED:               { route: none }",
                "BATTERY_DEPLETED:               { severity: LOW, route: ladder }");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).singleElement().asString()
                        .startsWith("BATTERY_DEPLETED is an episode type"));
    }

    @Test
    void aRouteThatRaisesACaseNeedsASeverityAndOneThatDoesNotMayNotHaveOne() throws IOException {
        String yaml = defaultYaml()
                .replace("{ severity: HIGH,     route: prosecutions }", "{ route: prosecutions }")
                .replace("INABILITY_TO_MONITOR:           { route: supplier-log }",
                        "INABILITY_TO_MONITOR:           { severity: LOW, route: supplier-log }");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).containsExactlyInAnyOrder(
                        "STRAP_TAMPER raises a case (route prosecutions) but has no severity",
                        "INABILITY_TO_MONITOR raises no case (route supplier-log) so must have no severity"));
    }

    @Test
    void anUnknownTriggerIsRejected() throws IOException {
        String yaml = defaultYaml().replace("  DEVICE_FAULT:", "  DEVICE_FALT:                    { route: none }\n  DEVICE_FAULT:");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems()).containsExactly("unknown trigger DEVICE_FALT"));
    }

    @Test
    void aLadderThatDoesNotStartAtTheFirstBreachIsRejected() throws IOException {
        String yaml = defaultYaml().replace("- { from: 1, queue: warnings }", "- { from: 2, queue: warnings }");

        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).problems())
                        .containsExactly("the first ladder step must start at the 1st breach"));
    }

    private static Policy read(String yaml) {
        return PolicyLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static String defaultYaml() throws IOException {
        try (InputStream in = PolicyLoaderTest.class.getClassLoader().getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
