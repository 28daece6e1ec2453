package uk.gov.em.streams.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.topology.TopologyEvents;

/**
 * Counts the topology's decisions in Micrometer: cases raised by queue, severity and rule
 * ({@value #CASES_RAISED}), cases withdrawn ({@value #CASES_WITHDRAWN}), accumulated battery violations
 * raised and withdrawn ({@value #ABVS_RAISED}, {@value #ABVS_WITHDRAWN}), data-quality exceptions by kind
 * ({@value #DATA_QUALITY}), notification copies by de-duplication outcome ({@value #DEDUPLICATED}) and
 * notifications not applied because the person's state is full ({@value #REFUSED}).
 * Unreadable records are counted by Kafka Streams itself ({@code kafka_stream_task_dropped_records_total}).
 */
@Singleton
public class CaseMetrics implements TopologyEvents {

    public static final String CASES_RAISED = "em.cases.raised";
    public static final String CASES_WITHDRAWN = "em.cases.withdrawn";
    public static final String ABVS_RAISED = "em.abv.raised";
    public static final String ABVS_WITHDRAWN = "em.abv.withdrawn";
    public static final String DATA_QUALITY = "em.data.quality.exceptions";
    public static final String DEDUPLICATED = "em.notifications.deduplicated";
    public static final String REFUSED = "em.notifications.refused";

    private final MeterRegistry registry;

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every kind from the first scrape, so an alert's rate() sees the first exception, not a new series.
        for (DataQualityEvent.Issue issue : DataQualityEvent.Issue.values()) {
            dataQualityCounter(issue);
        }
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
        if (BreachCase.TRIGGER_ABV.equals(breachCase.trigger())) {
            Counter.builder(ABVS_RAISED).description("Accumulated battery violations raised")
                    .register(registry).increment();
        }
    }

    @Override
    public void caseWithdrawn(CaseWithdrawal withdrawal, boolean abv) {
        Counter.builder(CASES_WITHDRAWN).description("Cases withdrawn because late data moved or removed their trigger")
                .register(registry).increment();
        if (abv) {
            Counter.builder(ABVS_WITHDRAWN).description("Accumulated battery violations withdrawn (moved or removed by late data)")
                    .register(registry).increment();
        }
    }

    @Override
    public void dataQuality(DataQualityEvent.Issue issue) {
        dataQualityCounter(issue).increment();
    }

    private Counter dataQualityCounter(DataQualityEvent.Issue issue) {
        return Counter.builder(DATA_QUALITY)
                .description("Data-quality exceptions reported on em.data-quality, by kind")
                .tag("issue", issue.name())
                .register(registry);
    }

    @Override
    public void deduplicated(DedupDecision decision) {
        Counter.builder(DEDUPLICATED)
                .description("Notification copies by de-duplication outcome: new, same-again, conflicting")
                .tag("outcome", decision.outcome())
                .register(registry)
                .increment();
    }

    @Override
    public void refused(String subjectId) {
        Counter.builder(REFUSED)
                .description("Notifications not applied because the person already holds the most episodes allowed")
                .register(registry)
                .increment();
    }
}
