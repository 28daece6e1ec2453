package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.em.contracts.Queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (queue, status, action, outcome) there is, for a caseworker and a senior caseworker, against the
 * transition table of docs/case-lifecycle.md ("Every transition"), read from the page itself: what is
 * allowed, to where, and what is refused with 409 or 403. The page and the code cannot drift apart.
 */
class CaseLifecycleTest {

    /** "queue status action outcome" (outcome "-" when the row has none) → "to" or "to!" (sign-off). */
    private static final Map<String, String> TABLE = readTable();

    private static Map<String, String> readTable() {
        Path page = Path.of("").toAbsolutePath();
        while (page != null && !Files.exists(page.resolve("docs/case-lifecycle.md"))) {
            page = page.getParent();
        }
        assertThat(page).as("docs/case-lifecycle.md above the working directory").isNotNull();
        try {
            String text = Files.readString(page.resolve("docs/case-lifecycle.md"));
            String table = text.substring(text.indexOf("<!-- transitions -->"), text.indexOf("<!-- /transitions -->"));
            Map<String, String> rows = new HashMap<>();
            for (String line : table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| queue")).toList()) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                String outcome = cells[4].isEmpty() ? "-" : cells[4];
                String previous = rows.put(cells[1] + " " + cells[2] + " " + cells[3] + " " + outcome,
                        cells[5] + ("yes".equals(cells[6]) ? "!" : ""));
                assertThat(previous).as("a row drawn twice: " + line).isNull();
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcome words an action's rows may be narrowed by. */
    private static List<String> outcomes(CaseAction action) {
        return action == CaseAction.PROSECUTION_DECISION
                ? Arrays.stream(ProsecutionDecision.values()).map(Enum::name).toList()
                : List.of("-");
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            for (CaseStatus status : CaseStatus.values()) {
                for (CaseAction action : CaseAction.values()) {
                    for (String outcome : outcomes(action)) {
                        for (boolean senior : new boolean[]{false, true}) {
                            all.add(Arguments.of(queue, status, action, outcome, senior));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    private static String expected(Queue queue, CaseStatus status, CaseAction action, String outcome) {
        String exact = TABLE.get(queue.path() + " " + status + " " + action + " " + outcome);
        return exact != null ? exact : TABLE.get(queue.path() + " " + status + " " + action + " -");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} senior={4}")
    @MethodSource("everyCombination")
    void everyTransitionIsAllowedOrRefusedAsTheTableOnThePageSays(Queue queue, CaseStatus status, CaseAction action,
                                                                   String outcome, boolean senior) {
        CaseLifecycle.Decision decision = CaseLifecycle.decide(queue, status, false, action,
                "-".equals(outcome) ? null : outcome, senior);

        String expected = expected(queue, status, action, outcome);
        if (action == CaseAction.REFERRED_FOR_PROSECUTION && !senior) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NeedsSignOff.class);
        } else if (status.isFinal()) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NotNow.class);
        } else if (action.isRecordOnly()) {
            assertThat(decision).isEqualTo(new CaseLifecycle.Decision.Allowed(status));
        } else if (expected == null) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NotNow.class);
            assertThat(((CaseLifecycle.Decision.NotNow) decision).reason()).contains(action.name(), status.name());
        } else if (expected.endsWith("!") && !senior) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NeedsSignOff.class);
        } else {
            assertThat(decision).isEqualTo(new CaseLifecycle.Decision.Allowed(CaseStatus.valueOf(expected.replace("!", ""))));
        }
    }

    @Test
    void theTableOnThePageNamesEveryEdgeOfTheLifecycleAndNoOther() {
        assertThat(CaseLifecycle.EDGES).hasSize(TABLE.size());
        for (CaseLifecycle.Edge e : CaseLifecycle.EDGES) {
            String key = e.queue().path() + " " + e.from() + " " + e.action() + " " + (e.when() == null ? "-" : e.when());
            assertThat(TABLE.get(key)).as(key).isEqualTo(e.to() + (e.signOff() ? "!" : ""));
        }
    }

    @Test
    void aWithdrawalCanBeAcknowledgedOnlyOnAFlaggedCase() {
        assertThat(CaseLifecycle.decide(Queue.WARNINGS, CaseStatus.WARNING_SENT, true,
                CaseAction.WITHDRAWAL_ACKNOWLEDGED, false))
                .isEqualTo(new CaseLifecycle.Decision.Allowed(CaseStatus.WITHDRAWN));
        assertThat(CaseLifecycle.decide(Queue.WARNINGS, CaseStatus.WARNING_SENT, false,
                CaseAction.WITHDRAWAL_ACKNOWLEDGED, false))
                .isInstanceOf(CaseLifecycle.Decision.NotNow.class);
    }

    @Test
    void theRefusalNamesTheActionsAllowedNow() {
        CaseLifecycle.Decision decision = CaseLifecycle.decide(Queue.WARNINGS, CaseStatus.OPEN, false,
                CaseAction.MITIGATION_ACCEPTED, false);

        assertThat(((CaseLifecycle.Decision.NotNow) decision).reason())
                .contains("allowed now: WARNING_LETTER_SENT, NO_FURTHER_ACTION, CONTACT_ATTEMPTED, PARTY_NOTIFIED,"
                        + " SAFEGUARDING_REFERRAL, SAFEGUARDING_OUTCOME, REPRESENTATIONS_RECEIVED, NOTE");
    }
}
