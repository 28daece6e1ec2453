package uk.gov.em.streams.policy.domain;

import uk.gov.em.contracts.Queue;

import java.time.Duration;
import java.util.List;

/**
 * The escalation ladder of docs/policy.md §6: how far back qualifying breaches count, and which queue
 * the n-th of them goes to. Steps are ordered by {@code from}; the first starts at 1.
 */
public record LadderPolicy(Duration window, List<LadderStep> steps) {

    public LadderPolicy {
        steps = List.copyOf(steps);
    }

    /** The queue of the {@code position}-th qualifying breach in the window (1 for the first). */
    public Queue queueFor(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("a ladder position starts at 1, not " + position);
        }
        Queue queue = steps.getFirst().queue();
        for (LadderStep step : steps) {
            if (step.from() <= position) {
                queue = step.queue();
            }
        }
        return queue;
    }
}
