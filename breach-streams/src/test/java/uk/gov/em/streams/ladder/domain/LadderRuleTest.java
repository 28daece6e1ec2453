package uk.gov.em.streams.ladder.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.Queue;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.LadderPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LadderRuleTest {

    private static final LadderPolicy LADDER = PolicyLoader.loadDefault().ladder();
    private static final Instant NOW = Instant.parse("2022-02-03T21:15:00Z");

    @Test
    void theFirstAndSecondQualifyingBreachesGoToWarnings() {
        assertThat(decide(0, false).queue()).isEqualTo(Queue.WARNINGS);
        assertThat(decide(1, false).queue()).isEqualTo(Queue.WARNINGS);
        assertThat(decide(1, false).ruleId()).isEqualTo("ladder.warnings");
    }

    @Test
    void theThirdQualifyingBreachInNinetyDaysGoesToReviews() {
        LadderDecision third = decide(2, false);

        assertThat(third.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(third.position()).isEqualTo(3);
        assertThat(third.earlier()).hasSize(2);
    }

    @Test
    void theFourthAndLaterGoToProsecutions() {
        assertThat(decide(3, false).queue()).isEqualTo(Queue.PROSECUTIONS);
        assertThat(decide(11, false).queue()).isEqualTo(Queue.PROSECUTIONS);
        assertThat(decide(11, false).reason()).startsWith("12th qualifying breach in 90 days");
    }

    @Test
    void aVulnerablePersonsFourthBreachGoesToReviewsAndSaysWhy() {
        LadderDecision fourth = decide(3, true);

        assertThat(fourth.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(fourth.ruleId()).isEqualTo(LadderRule.VULNERABLE_RULE_ID);
        assertThat(fourth.reason()).endsWith("→ review, not prosecution, as the person is flagged vulnerable");
    }

    @Test
    void aVulnerablePersonsEarlierStepsAreUnchanged() {
        assertThat(decide(0, true).queue()).isEqualTo(Queue.WARNINGS);
        assertThat(decide(2, true).ruleId()).isEqualTo("ladder.reviews");
    }

    @Test
    void aBreachExactlyNinetyDaysEarlierCountsAndOneASecondOlderDoesNot() {
        List<QualifyingBreach> known = List.of(
                new QualifyingBreach("ABSENCE_15_MIN", NOW.minus(Duration.ofDays(90)).minusSeconds(1), "C-old"),
                new QualifyingBreach("ABSENCE_15_MIN", NOW.minus(Duration.ofDays(90)), "C-edge"));

        LadderDecision decision = LadderRule.decide(LADDER, known, new QualifyingBreach("LOCATION_BREACH", NOW, "C-now"), false);

        assertThat(decision.position()).isEqualTo(2);
        assertThat(decision.earlier()).extracting(QualifyingBreach::caseId).containsExactly("C-edge");
    }

    @Test
    void aBreachLaterThanThisOneDoesNotCountForIt() {
        List<QualifyingBreach> known = List.of(new QualifyingBreach("ABSENCE_15_MIN", NOW.plusSeconds(1), "C-later"));

        assertThat(LadderRule.decide(LADDER, known, new QualifyingBreach("LOCATION_BREACH", NOW, "C-now"), false)
                .position()).isEqualTo(1);
    }


    private static LadderDecision decide(int earlier, boolean vulnerable) {
        List<QualifyingBreach> known = new ArrayList<>();
        for (int i = 0; i < earlier; i++) {
            known.add(new QualifyingBreach("ABSENCE_15_MIN", NOW.minus(Duration.ofDays(i + 1)), "C-" + i));
        }
        return LadderRule.decide(LADDER, known, new QualifyingBreach("CURFEW_MISSED_FULL", NOW, "C-now"), vulnerable);
    }
}
