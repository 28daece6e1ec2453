package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.em.contracts.Queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (queue, status, action) there is, for a caseworker and a senior caseworker, against a table
 * written out here independently of {@link CaseLifecycle#EDGES}: what is allowed, to where, and what is
 * refused with 409 or 403.
 */
class CaseLifecycleTest {

    /** "queue status action" → "to" (any role) or "to!" (senior caseworkers only). */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("warnings OPEN WARNING_LETTER_SENT", "WARNING_SENT"),
            Map.entry("warnings OPEN NO_FURTHER_ACTION", "CLOSED"),
            Map.entry("warnings WARNING_SENT MITIGATION_RECEIVED", "MITIGATION_RECEIVED"),
            Map.entry("warnings WARNING_SENT NO_FURTHER_ACTION", "CLOSED"),
            Map.entry("warnings MITIGATION_RECEIVED MITIGATION_ACCEPTED", "CLOSED"),
            Map.entry("warnings MITIGATION_RECEIVED NO_FURTHER_ACTION", "CLOSED"),
            Map.entry("reviews OPEN MITIGATION_RECEIVED", "MITIGATION_RECEIVED"),
            Map.entry("reviews OPEN REVIEW_COMPLETED", "CLOSED"),
            Map.entry("reviews OPEN NO_FURTHER_ACTION", "CLOSED"),
            Map.entry("reviews OPEN REFERRED_FOR_PROSECUTION", "CLOSED!"),
            Map.entry("reviews MITIGATION_RECEIVED REVIEW_COMPLETED", "CLOSED"),
            Map.entry("reviews MITIGATION_RECEIVED REFERRED_FOR_PROSECUTION", "CLOSED!"),
            Map.entry("prosecutions OPEN MITIGATION_RECEIVED", "MITIGATION_RECEIVED"),
            Map.entry("prosecutions OPEN REFERRED_FOR_PROSECUTION", "CLOSED!"),
            Map.entry("prosecutions OPEN NO_FURTHER_ACTION", "CLOSED!"),
            Map.entry("prosecutions MITIGATION_RECEIVED REFERRED_FOR_PROSECUTION", "CLOSED!"),
            Map.entry("prosecutions MITIGATION_RECEIVED MITIGATION_ACCEPTED", "CLOSED!"),
            Map.entry("prosecutions MITIGATION_RECEIVED NO_FURTHER_ACTION", "CLOSED!"));

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            for (CaseStatus status : CaseStatus.values()) {
                for (CaseAction action : CaseAction.values()) {
                    for (boolean senior : new boolean[]{false, true}) {
                        all.add(Arguments.of(queue, status, action, senior));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} senior={3}")
    @MethodSource("everyCombination")
    void everyTransitionIsAllowedOrRefusedAsTheTableSays(Queue queue, CaseStatus status, CaseAction action,
                                                         boolean senior) {
        CaseLifecycle.Decision decision = CaseLifecycle.decide(queue, status, false, action, senior);

        String expected = ALLOWED.get(queue.path() + " " + status + " " + action);
        if (action == CaseAction.REFERRED_FOR_PROSECUTION && !senior) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NeedsSignOff.class);
        } else if (status.isFinal()) {
            assertThat(decision).isInstanceOf(CaseLifecycle.Decision.NotNow.class);
        } else if (action == CaseAction.NOTE) {
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
    void theTableAboveNamesEveryEdgeOfTheLifecycle() {
        assertThat(CaseLifecycle.EDGES).hasSize(ALLOWED.size());
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
                .contains("allowed now: WARNING_LETTER_SENT, NO_FURTHER_ACTION, NOTE");
    }
}
