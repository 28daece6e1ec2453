package uk.gov.em.streams.topology;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
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

    /** A case was raised (an ABV among them: see its trigger). */
    default void caseRaised(BreachCase breachCase) {
    }

    /** A case raised earlier was withdrawn; {@code abv} when it was an accumulated battery violation. */
    default void caseWithdrawn(CaseWithdrawal withdrawal, boolean abv) {
    }

    default void deduplicated(DedupDecision decision) {
    }

    /** A data-quality exception was reported (conflicting duplicate, too late). */
    default void dataQuality(DataQualityEvent.Issue issue) {
    }

    /** A notification of {@code subjectId} was not applied because the person's state is full (ADR 0005). */
    default void refused(String subjectId) {
    }
}
