package uk.gov.em.streams.ladder.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.Ordinals;
import uk.gov.em.contracts.Queue;
import uk.gov.em.streams.policy.domain.LadderPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The escalation ladder (docs/policy.md §6): count the person's qualifying breaches whose time falls in the
 * window (90 days) up to and including this one, from the breaches known when the case is raised; the n-th
 * goes to the queue of the policy step for n (1st–2nd warnings, 3rd reviews, 4th on prosecutions). A person
 * flagged vulnerable never goes straight to prosecutions: such a case goes to reviews instead
 * ({@value #VULNERABLE_RULE_ID}).
 */
public final class LadderRule {

    /** The rule id of the vulnerable override. */
    public static final String VULNERABLE_RULE_ID = "ladder.vulnerable-not-prosecutions";

    private LadderRule() {
    }

    /** The placement of {@code current} given the qualifying breaches {@code known} before it. */
    public static LadderDecision decide(LadderPolicy ladder, List<QualifyingBreach> known, QualifyingBreach current,
                                        boolean vulnerable) {
        Instant from = current.at().minus(ladder.window());
        List<QualifyingBreach> earlier = known.stream()
                .filter(b -> !b.caseId().equals(current.caseId()))
                .filter(b -> !b.at().isBefore(from) && !b.at().isAfter(current.at()))
                .sorted(Comparator.comparing(QualifyingBreach::at).thenComparing(QualifyingBreach::caseId))
                .toList();
        int position = earlier.size() + 1;
        Queue byLadder = ladder.queueFor(position);
        boolean overridden = vulnerable && byLadder == Queue.PROSECUTIONS;
        Queue queue = overridden ? Queue.REVIEWS : byLadder;
        String reason = Ordinals.inFigures(position) + " qualifying breach in " + ladder.window().toDays() + " days ("
                + label(current) + (earlier.isEmpty() ? "" : "; earlier: "
                + earlier.stream().map(LadderRule::label).collect(Collectors.joining(", "))) + ") → "
                + word(queue) + (overridden ? ", not " + word(byLadder) + ", as the person is flagged vulnerable" : "");
        return new LadderDecision(queue, overridden ? VULNERABLE_RULE_ID : "ladder." + byLadder.path(), position,
                earlier, reason);
    }

    /**
     * A case that goes straight to prosecutions goes to reviews instead when the person is vulnerable; the
     * returned queue is the one to use.
     */
    public static Queue direct(Queue queue, boolean vulnerable) {
        return vulnerable && queue == Queue.PROSECUTIONS ? Queue.REVIEWS : queue;
    }

    /** How a breach is named in an explanation: "ABSENCE_15_MIN on 2022-01-10", "ABV on 2022-01-21". */
    static String label(QualifyingBreach b) {
        String name = BreachCase.TRIGGER_ABV.equals(b.trigger()) ? "ABV" : b.trigger();
        return name + " on " + LocalDate.ofInstant(b.at(), ZoneOffset.UTC);
    }

    /** The outcome of a queue in a few words: "warning", "review", "prosecution". */
    public static String word(Queue queue) {
        return switch (queue) {
            case WARNINGS -> "warning";
            case REVIEWS -> "review";
            case PROSECUTIONS -> "prosecution";
        };
    }
}
