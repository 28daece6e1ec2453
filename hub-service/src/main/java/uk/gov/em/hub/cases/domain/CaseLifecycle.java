package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static uk.gov.em.hub.cases.domain.CaseAction.MITIGATION_ACCEPTED;
import static uk.gov.em.hub.cases.domain.CaseAction.MITIGATION_RECEIVED;
import static uk.gov.em.hub.cases.domain.CaseAction.MITIGATION_REJECTED;
import static uk.gov.em.hub.cases.domain.CaseAction.PROSECUTION_DECISION;
import static uk.gov.em.hub.cases.domain.CaseAction.PROSECUTION_OUTCOME;
import static uk.gov.em.hub.cases.domain.CaseAction.NO_FURTHER_ACTION;
import static uk.gov.em.hub.cases.domain.CaseAction.NOTE;
import static uk.gov.em.hub.cases.domain.CaseAction.REFERRED_FOR_PROSECUTION;
import static uk.gov.em.hub.cases.domain.CaseAction.REVIEW_COMPLETED;
import static uk.gov.em.hub.cases.domain.CaseAction.WARNING_LETTER_SENT;
import static uk.gov.em.hub.cases.domain.CaseAction.WITHDRAWAL_ACKNOWLEDGED;
import static uk.gov.em.hub.cases.domain.CaseStatus.CHARGED;
import static uk.gov.em.hub.cases.domain.CaseStatus.CLOSED;
import static uk.gov.em.hub.cases.domain.CaseStatus.OPEN;
import static uk.gov.em.hub.cases.domain.CaseStatus.REFERRED;
import static uk.gov.em.hub.cases.domain.CaseStatus.WARNING_SENT;
import static uk.gov.em.hub.cases.domain.CaseStatus.WITHDRAWN;

/**
 * The case state machine, one per queue, as data (drawn in docs/case-lifecycle.md). Each edge says which
 * action moves a case of a queue from one status to another and whether it is a sign-off, which only a
 * senior caseworker may give. Besides the edges: {@code NOTE} and the other record-only actions
 * ({@link CaseAction#isRecordOnly()}) are allowed in every unfinished status and change nothing; {@code WITHDRAWAL_ACKNOWLEDGED} is allowed only on a case breach-streams withdrew
 * while it was being worked, and makes it WITHDRAWN. Finished cases (WITHDRAWN, CLOSED) take no action.
 */
public final class CaseLifecycle {

    /**
     * One allowed move. {@code when} narrows it to one outcome word of the action (the prosecutor's
     * decision decides where a referral goes); {@code null} means whatever the outcome.
     */
    public record Edge(Queue queue, CaseStatus from, CaseAction action, String when, CaseStatus to, boolean signOff) {

        boolean matches(Queue q, CaseStatus s, CaseAction a, String outcome) {
            return queue == q && from == s && action == a && (when == null || outcome == null || when.equals(outcome));
        }
    }

    private static final CaseStatus MITIGATION = CaseStatus.MITIGATION_RECEIVED;

    public static final List<Edge> EDGES = List.of(
            // warnings: a letter invites mitigation, which is answered (accepted or rejected) or closed
            edge(Queue.WARNINGS, OPEN, WARNING_LETTER_SENT, WARNING_SENT),
            edge(Queue.WARNINGS, OPEN, NO_FURTHER_ACTION, CLOSED),
            edge(Queue.WARNINGS, WARNING_SENT, MITIGATION_RECEIVED, MITIGATION),
            edge(Queue.WARNINGS, WARNING_SENT, NO_FURTHER_ACTION, CLOSED),
            edge(Queue.WARNINGS, MITIGATION, MITIGATION_ACCEPTED, CLOSED),
            edge(Queue.WARNINGS, MITIGATION, MITIGATION_REJECTED, CLOSED),
            edge(Queue.WARNINGS, MITIGATION, NO_FURTHER_ACTION, CLOSED),
            // reviews: the person's conditions are reviewed; a review may end in a referral, followed through
            edge(Queue.REVIEWS, OPEN, MITIGATION_RECEIVED, MITIGATION),
            edge(Queue.REVIEWS, OPEN, REVIEW_COMPLETED, CLOSED),
            edge(Queue.REVIEWS, OPEN, NO_FURTHER_ACTION, CLOSED),
            edge(Queue.REVIEWS, MITIGATION, REVIEW_COMPLETED, CLOSED),
            signOff(Queue.REVIEWS, OPEN, REFERRED_FOR_PROSECUTION, REFERRED),
            signOff(Queue.REVIEWS, MITIGATION, REFERRED_FOR_PROSECUTION, REFERRED),
            decision(Queue.REVIEWS, ProsecutionDecision.CHARGED, CHARGED),
            decision(Queue.REVIEWS, ProsecutionDecision.NOT_CHARGED, CLOSED),
            decision(Queue.REVIEWS, ProsecutionDecision.OUT_OF_TIME, CLOSED),
            edge(Queue.REVIEWS, CHARGED, PROSECUTION_OUTCOME, CLOSED),
            // prosecutions: every way out is a senior's decision; a referral waits for the prosecutor
            edge(Queue.PROSECUTIONS, OPEN, MITIGATION_RECEIVED, MITIGATION),
            signOff(Queue.PROSECUTIONS, OPEN, REFERRED_FOR_PROSECUTION, REFERRED),
            signOff(Queue.PROSECUTIONS, OPEN, NO_FURTHER_ACTION, CLOSED),
            signOff(Queue.PROSECUTIONS, MITIGATION, REFERRED_FOR_PROSECUTION, REFERRED),
            signOff(Queue.PROSECUTIONS, MITIGATION, MITIGATION_ACCEPTED, CLOSED),
            signOff(Queue.PROSECUTIONS, MITIGATION, NO_FURTHER_ACTION, CLOSED),
            decision(Queue.PROSECUTIONS, ProsecutionDecision.CHARGED, CHARGED),
            decision(Queue.PROSECUTIONS, ProsecutionDecision.NOT_CHARGED, CLOSED),
            decision(Queue.PROSECUTIONS, ProsecutionDecision.OUT_OF_TIME, CLOSED),
            edge(Queue.PROSECUTIONS, CHARGED, PROSECUTION_OUTCOME, CLOSED));

    /** What the lifecycle says about one proposed action. */
    public sealed interface Decision {
        /** Allowed: the case moves to {@code to} (which may be where it is). */
        record Allowed(CaseStatus to) implements Decision {
        }

        /** Not allowed in this state: a 409 with the reason. */
        record NotNow(String reason) implements Decision {
        }

        /** Allowed in this state, but not for this caller's role: a 403 with the reason. */
        record NeedsSignOff(String reason) implements Decision {
        }
    }

    private CaseLifecycle() {
    }

    /**
     * Decides whether {@code action} may be taken on a case of {@code queue} in {@code status} by a caller
     * who is ({@code senior}) or is not a senior caseworker.
     */
    public static Decision decide(Queue queue, CaseStatus status, boolean withdrawalFlagged, CaseAction action,
                                  boolean senior) {
        return decide(queue, status, withdrawalFlagged, action, null, senior);
    }

    /**
     * As {@link #decide(Queue, CaseStatus, boolean, CaseAction, boolean)}, for an action carrying
     * {@code outcome} ({@code null}: any outcome, the first edge drawn).
     */
    public static Decision decide(Queue queue, CaseStatus status, boolean withdrawalFlagged, CaseAction action,
                                  String outcome, boolean senior) {
        if (action == REFERRED_FOR_PROSECUTION && !senior) {
            return new Decision.NeedsSignOff("REFERRED_FOR_PROSECUTION is a sign-off: it needs a senior caseworker");
        }
        if (status.isFinal()) {
            return new Decision.NotNow("the case is " + status + ": a finished case takes no action");
        }
        if (action.isRecordOnly()) {
            return new Decision.Allowed(status);
        }
        if (action == WITHDRAWAL_ACKNOWLEDGED) {
            return withdrawalFlagged ? new Decision.Allowed(WITHDRAWN)
                    : new Decision.NotNow(action + " is not allowed in status " + status
                            + ": breach-streams has not withdrawn this case, so there is nothing to acknowledge");
        }
        Optional<Edge> edge = EDGES.stream()
                .filter(e -> e.matches(queue, status, action, outcome))
                .findFirst();
        if (edge.isEmpty()) {
            return new Decision.NotNow(action + " is not allowed on a " + queue.path() + " case in status " + status
                    + "; allowed now: " + allowed(queue, status, withdrawalFlagged));
        }
        if (edge.get().signOff() && !senior) {
            return new Decision.NeedsSignOff(action + " on a " + queue.path()
                    + " case is a sign-off: it needs a senior caseworker");
        }
        return new Decision.Allowed(edge.get().to());
    }

    /** The actions a case of {@code queue} in {@code status} allows, for messages and clients. */
    public static Set<CaseAction> allowedActions(Queue queue, CaseStatus status, boolean withdrawalFlagged) {
        if (status.isFinal()) {
            return Set.of();
        }
        Set<CaseAction> actions = EDGES.stream()
                .filter(e -> e.queue() == queue && e.from() == status)
                .map(Edge::action)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class)));
        Arrays.stream(CaseAction.values()).filter(CaseAction::isRecordOnly).forEach(actions::add);
        if (withdrawalFlagged) {
            actions.add(WITHDRAWAL_ACKNOWLEDGED);
        }
        return actions;
    }

    /**
     * The actions a caller who is ({@code senior}) or is not a senior caseworker may take now on a case of
     * {@code queue} in {@code status}: those of {@link #allowedActions} that {@link #decide} allows them
     * (sign-offs only for a senior). What a page offers, so it never decides this itself.
     */
    public static Set<CaseAction> actionsFor(Queue queue, CaseStatus status, boolean withdrawalFlagged,
                                             boolean senior) {
        return allowedActions(queue, status, withdrawalFlagged).stream()
                .filter(a -> decide(queue, status, withdrawalFlagged, a, senior) instanceof Decision.Allowed)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseAction.class)));
    }

    private static String allowed(Queue queue, CaseStatus status, boolean withdrawalFlagged) {
        return allowedActions(queue, status, withdrawalFlagged).stream().map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    private static Edge edge(Queue queue, CaseStatus from, CaseAction action, CaseStatus to) {
        return new Edge(queue, from, action, null, to, false);
    }

    private static Edge signOff(Queue queue, CaseStatus from, CaseAction action, CaseStatus to) {
        return new Edge(queue, from, action, null, to, true);
    }

    private static Edge decision(Queue queue, ProsecutionDecision decision, CaseStatus to) {
        return new Edge(queue, REFERRED, PROSECUTION_DECISION, decision.name(), to, false);
    }
}
