package uk.gov.em.streams.ladder.domain;

import uk.gov.em.contracts.Queue;

/** The queue the escalation ladder gives a qualifying breach, the rule that decided and why. */
public record LadderDecision(Queue queue, String ruleId, String reason) {
}
