package uk.gov.em.streams.topology;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.streams.dedup.domain.DedupDecision;

/**
 * What the topology tells the outside world as it decides, for metrics. Called on the stream thread; an
 * implementation must be quick and must not throw. Under exactly-once a task that is retried after an
 * aborted transaction reports its decisions again, so counts are at-least-once (the topics stay exact).
 */
public interface TopologyEvents {

    /** Reports nothing. */
    TopologyEvents NONE = new TopologyEvents() {
    };

    default void caseRaised(BreachCase breachCase) {
    }

    default void deduplicated(DedupDecision decision) {
    }
}
