package uk.gov.em.streams.cases.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.ladder.domain.LadderDecision;
import uk.gov.em.streams.ladder.domain.LadderRule;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.routing.domain.RouteDecision;
import uk.gov.em.streams.routing.domain.RouteRule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Turns one accepted (de-duplicated) non-episode notification into the case it raises, if any
 * (breach-policy.md §5, §7).
 *
 * <p>Every field of the case is a function of the notification and the policy alone: {@code openedAt} is
 * the breach's {@code occurredAt}, and {@code raisedAt} is when the gateway received it, not the wall clock
 * of the processor. So replaying the same input (even into a fresh application) gives identical cases.
 * Harm level is left unknown until the subject register is joined.
 */
public final class CaseRaiser {

    private CaseRaiser() {
    }

    public static Optional<BreachCase> raise(ReceivedNotification received, Policy policy) {
        Notification n = received.notification();
        return switch (RouteRule.classify(n.type(), policy)) {
            case RouteDecision.Direct direct -> Optional.of(breachCase(received, policy, direct.queue(),
                    direct.severity(), direct.ruleId(),
                    opening(n) + " " + direct.reason() + " (policy " + policy.version() + ", rule "
                            + direct.ruleId() + ")."));
            case RouteDecision.Ladder ladder -> {
                LadderDecision placed = LadderRule.withoutHistory(policy.ladder());
                yield Optional.of(breachCase(received, policy, placed.queue(), ladder.severity(), placed.ruleId(),
                        opening(n) + " " + ladder.reason() + "; " + placed.reason() + " (policy "
                                + policy.version() + ", rules " + ladder.ruleId() + ", " + placed.ruleId() + ")."));
            }
            case RouteDecision.NoCase ignored -> Optional.empty();
        };
    }

    private static BreachCase breachCase(ReceivedNotification received, Policy policy, Queue queue, Severity severity,
                                         String ruleId, String explanation) {
        Notification n = received.notification();
        String trigger = n.type().code();
        return new BreachCase(
                CaseIds.forNotification(trigger, received.supplier(), n.notificationId()),
                n.subjectId(), queue, severity, trigger, policy.version(), ruleId,
                new CaseEvidence(List.of(n.notificationId()), List.of(), 0, List.of()),
                n.occurredAt(), received.receivedAt(), null, explanation);
    }

    private static String opening(Notification n) {
        return n.type().code() + " on " + LocalDate.ofInstant(n.occurredAt(), ZoneOffset.UTC);
    }
}
