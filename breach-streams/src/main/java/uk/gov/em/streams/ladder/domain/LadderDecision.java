package uk.gov.em.streams.ladder.domain;

import uk.gov.em.contracts.Queue;

import java.util.List;

/**
 * The queue the escalation ladder gives a qualifying breach, the rule that decided, the breach's position
 * among the person's qualifying breaches in the window, the earlier ones counted (oldest first) and why.
 */
public record LadderDecision(Queue queue, String ruleId, int position, List<QualifyingBreach> earlier, String reason) {

    public LadderDecision {
        earlier = List.copyOf(earlier);
    }

    /** True when the ladder said prosecutions but the person is flagged vulnerable, so the case goes to reviews. */
    public boolean vulnerableOverride() {
        return LadderRule.VULNERABLE_RULE_ID.equals(ruleId);
    }
}
