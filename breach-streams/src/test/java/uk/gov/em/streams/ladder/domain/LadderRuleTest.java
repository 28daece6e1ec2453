package uk.gov.em.streams.ladder.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.Queue;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.LadderPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class LadderRuleTest {

    private static final LadderPolicy LADDER = PolicyLoader.loadDefault().ladder();

    @Test
    void withoutHistoryEveryQualifyingBreachGoesToWarningsAndSaysWhy() {
        assertThat(LadderRule.withoutHistory(LADDER)).isEqualTo(new LadderDecision(Queue.WARNINGS,
                "ladder.first-step-without-history",
                "it goes to warnings, the ladder's first step, as earlier breaches are not yet counted"));
    }

    @Test
    void theThirdQualifyingBreachInNinetyDaysGoesToReviews() {
        assertThat(LadderRule.place(LADDER, 3)).isEqualTo(new LadderDecision(Queue.REVIEWS,
                "ladder.breach-3-in-90-days", "3rd qualifying breach in 90 days, so it goes to reviews"));
    }

    @Test
    void theFourthAndLaterGoToProsecutions() {
        assertThat(LadderRule.place(LADDER, 4).queue()).isEqualTo(Queue.PROSECUTIONS);
        assertThat(LadderRule.place(LADDER, 12).queue()).isEqualTo(Queue.PROSECUTIONS);
    }

    @Test
    void ordinalsReadAsEnglish() {
        assertThat(LadderRule.ordinal(1)).isEqualTo("1st");
        assertThat(LadderRule.ordinal(2)).isEqualTo("2nd");
        assertThat(LadderRule.ordinal(3)).isEqualTo("3rd");
        assertThat(LadderRule.ordinal(4)).isEqualTo("4th");
        assertThat(LadderRule.ordinal(11)).isEqualTo("11th");
        assertThat(LadderRule.ordinal(12)).isEqualTo("12th");
        assertThat(LadderRule.ordinal(22)).isEqualTo("22nd");
        assertThat(LadderRule.ordinal(113)).isEqualTo("113th");
    }
}
