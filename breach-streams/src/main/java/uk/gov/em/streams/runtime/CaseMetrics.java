package uk.gov.em.streams.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.topology.TopologyEvents;

/**
 * Counts the topology's decisions in Micrometer: cases raised by queue, severity and rule
 * ({@value #CASES_RAISED}) and notification copies by de-duplication outcome ({@value #DEDUPLICATED}).
 */
@Singleton
public class CaseMetrics implements TopologyEvents {

    public static final String CASES_RAISED = "em.cases.raised";
    public static final String DEDUPLICATED = "em.notifications.deduplicated";

    private final MeterRegistry registry;

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void caseRaised(BreachCase breachCase) {
        Counter.builder(CASES_RAISED)
                .description("Breach cases raised, by queue, severity and policy rule")
                .tag("queue", breachCase.queue().path())
                .tag("severity", breachCase.severity().name())
                .tag("rule", breachCase.ruleId())
                .register(registry)
                .increment();
    }

    @Override
    public void deduplicated(DedupDecision decision) {
        Counter.builder(DEDUPLICATED)
                .description("Notification copies by de-duplication outcome: new, same-again, conflicting")
                .tag("outcome", decision.outcome())
                .register(registry)
                .increment();
    }
}
