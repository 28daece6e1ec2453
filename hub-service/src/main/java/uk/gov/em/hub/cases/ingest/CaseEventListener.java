package uk.gov.em.hub.cases.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;
import uk.gov.em.hub.common.ingest.BatchIngestListener;
import uk.gov.em.hub.common.ingest.BatchIngestion;
import uk.gov.em.hub.common.ingest.DeadLetters;
import uk.gov.em.hub.common.ingest.IngestProperties;

import java.time.Duration;

/**
 * Feeds {@code em.breach-cases} into PostgreSQL, one transaction per polled batch.
 * <ul>
 *   <li>Offsets are committed synchronously only after the batch's transaction has committed, so a crash
 *       between the two redelivers the batch, which the idempotent writes absorb.</li>
 *   <li>Only committed case events are read: an aborted transaction of breach-streams is never a case.</li>
 *   <li>A record that does not decode, or that PostgreSQL refuses for good, is set aside on em.dead-letter
 *       and counted: one bad record must not block its partition forever.</li>
 *   <li>A batch that cannot be written for a transient reason (PostgreSQL down, say) is never skipped: the
 *       consumer polls it again after a growing back-off, as many times as it takes.</li>
 * </ul>
 */
@BatchIngestListener(groupId = CaseEventListener.GROUP_ID)
public class CaseEventListener {

    /** The consumer group of the hub's case feed. */
    public static final String GROUP_ID = "em-hub-cases";

    private final BatchIngestion<CaseEvent, CaseEventWriter.Tally> ingestion;
    private final Counter raised;
    private final Counter duplicates;
    private final Counter withdrawn;
    private final Counter withdrawalsIgnored;
    private final Timer ingestLag;

    public CaseEventListener(CaseEventWriter writer, MeterRegistry registry, AfterStore afterStore,
                             DeadLetters deadLetters, IngestProperties retry) {
        this.ingestLag = Timer.builder("em.hub.case.ingest.lag")
                .description("From a case being raised by breach-streams to the hub storing it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.raised = outcome(registry, "raised");
        this.duplicates = outcome(registry, "duplicate");
        this.withdrawn = outcome(registry, "withdrawn");
        this.withdrawalsIgnored = outcome(registry, "withdrawal_ignored");
        Counter failedBatches = Counter.builder("em.hub.case.batches.failed")
                .description("Polled batches of case events that could not be stored and were polled again")
                .register(registry);
        this.ingestion = new BatchIngestion<>(Topics.CASES, "case events", new CaseEventDecoder(), writer::write,
                CaseEventWriter.Tally::plus, CaseEventWriter.Tally.NONE, outcome(registry, "unreadable"),
                failedBatches::increment, afterStore, deadLetters, retry);
    }

    @Topic(Topics.CASES)
    public void receive(ConsumerRecords<String, byte[]> records) {
        ingestion.ingest(records, (events, tally) -> {
            raised.increment(tally.raised());
            duplicates.increment(tally.duplicates());
            withdrawn.increment(tally.withdrawn());
            withdrawalsIgnored.increment(tally.withdrawalsIgnored());
            tally.ingestLags().forEach(ingestLag::record);
        });
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("em.hub.case.events")
                .description("Case events read from em.breach-cases, by what the hub did with them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
