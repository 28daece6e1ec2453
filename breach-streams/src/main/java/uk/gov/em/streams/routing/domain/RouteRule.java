package uk.gov.em.streams.routing.domain;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.policy.domain.TriggerRoute;

import java.util.Locale;

/**
 * Classifies one notification by the policy's severity and route table (docs/policy.md §5). Episode types
 * never open a case by themselves: they feed the accumulated-battery and out-of-contact rules.
 */
public final class RouteRule {

    private RouteRule() {
    }

    public static RouteDecision classify(BreachType type, Policy policy) {
        TriggerRoute row = policy.routeOf(type);
        String code = type.code();
        return switch (row.route()) {
            case REVIEWS -> direct(row, Queue.REVIEWS);
            case PROSECUTIONS -> direct(row, Queue.PROSECUTIONS);
            case LADDER -> new RouteDecision.Ladder(row.severity(), row.ruleId(),
                    "is a " + severityWord(row) + " qualifying breach for the escalation ladder");
            case NONE -> new RouteDecision.NoCase(row.ruleId(), type.isEpisode()
                    ? code + " opens no case by itself: it counts towards the battery and out-of-contact rules"
                    : code + " opens no case");
            case SUPPLIER_LOG -> new RouteDecision.NoCase(row.ruleId(),
                    code + " is the supplier's failing, not the person's: it goes to the supplier performance log");
        };
    }

    private static RouteDecision direct(TriggerRoute row, Queue queue) {
        return new RouteDecision.Direct(queue, row.severity(), row.ruleId(),
                "is a " + severityWord(row) + " breach that goes straight to " + queue.path());
    }

    private static String severityWord(TriggerRoute row) {
        return row.severity().name().toLowerCase(Locale.ROOT) + "-severity";
    }
}
