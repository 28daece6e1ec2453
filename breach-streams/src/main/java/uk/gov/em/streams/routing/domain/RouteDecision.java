package uk.gov.em.streams.routing.domain;

import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;

/**
 * Where one notification goes by the severity and route table (docs/policy.md §5), with the id of the
 * table row that said so and the reason in words.
 */
public sealed interface RouteDecision {

    String ruleId();

    String reason();

    /** Straight to {@code queue}: no history is needed to decide. */
    record Direct(Queue queue, Severity severity, String ruleId, String reason) implements RouteDecision {
    }

    /** A qualifying breach: the escalation ladder picks the queue from the person's history. */
    record Ladder(Severity severity, String ruleId, String reason) implements RouteDecision {
    }

    /** No caseworker case for this notification. */
    record NoCase(String ruleId, String reason) implements RouteDecision {
    }
}
