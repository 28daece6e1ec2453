package uk.gov.em.streams.ladder.domain;

import uk.gov.em.contracts.Queue;
import uk.gov.em.streams.policy.domain.LadderPolicy;

/**
 * The escalation ladder (breach-policy.md §6): the n-th qualifying breach of a person within the ladder
 * window goes to the queue of the policy step for n.
 *
 * <p>This release does not yet keep a person's breach history, so {@link #withoutHistory} places every
 * qualifying breach as if it were the first (the policy's first step: warnings) and says so in its reason.
 * {@link #place} is the rule for a known position, ready for the per-person history to call.
 */
public final class LadderRule {

    /** The rule id of a placement made without the person's history. */
    public static final String WITHOUT_HISTORY_RULE_ID = "ladder.first-step-without-history";

    private LadderRule() {
    }

    /** The placement while breach history is not counted: the ladder's first step. */
    public static LadderDecision withoutHistory(LadderPolicy ladder) {
        Queue queue = ladder.queueFor(1);
        return new LadderDecision(queue, WITHOUT_HISTORY_RULE_ID,
                "it goes to " + queue.path() + ", the ladder's first step, as earlier breaches are not yet counted");
    }

    /** The placement of the {@code position}-th qualifying breach in the ladder window. */
    public static LadderDecision place(LadderPolicy ladder, int position) {
        Queue queue = ladder.queueFor(position);
        return new LadderDecision(queue, "ladder.breach-" + position + "-in-" + ladder.window().toDays() + "-days",
                ordinal(position) + " qualifying breach in " + ladder.window().toDays() + " days, so it goes to "
                        + queue.path());
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
