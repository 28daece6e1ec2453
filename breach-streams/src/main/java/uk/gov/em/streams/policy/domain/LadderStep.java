package uk.gov.em.streams.policy.domain;

import uk.gov.em.contracts.Queue;

/** From the {@code from}-th qualifying breach in the window onwards (until the next step), cases go to {@code queue}. */
public record LadderStep(int from, Queue queue) {
}
