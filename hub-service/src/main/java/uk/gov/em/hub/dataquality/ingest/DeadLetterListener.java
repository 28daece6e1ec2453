package uk.gov.em.hub.dataquality.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;
import uk.gov.em.hub.common.ingest.BatchIngestListener;
import uk.gov.em.hub.common.ingest.BatchIngestion;
import uk.gov.em.hub.common.ingest.DeadLetters;
import uk.gov.em.hub.common.ingest.IngestProperties;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;

/**
 * Lists every record a service set aside on {@code em.dead-letter} (the gateway's, the stream processor's and the
 * hub's own) as a data-quality exception, with the same ingest policy as the other feeds. A dead letter always
 * decodes ({@link DeadLetterDecoder}) and its text is made fit for PostgreSQL, so none is refused; one that still
 * were is logged and counted, never sent back to the topic it came from ({@link DeadLetters}).
 */
@BatchIngestListener(groupId = DeadLetterListener.GROUP_ID)
public class DeadLetterListener {

    /** The consumer group of the hub's dead-letter feed. */
    public static final String GROUP_ID = "em-hub-dead-letters";

    private final BatchIngestion<DataQualityReport, Integer> ingestion;
    private final Counter stored;
    private final Counter repeated;

    public DeadLetterListener(DataQualityWriter writer, AfterStore afterStore, MeterRegistry registry,
                              DeadLetters deadLetters, IngestProperties retry) {
        this.stored = DataQualityMetrics.outcome(registry, Topics.DEAD_LETTER, "stored");
        this.repeated = DataQualityMetrics.outcome(registry, Topics.DEAD_LETTER, "duplicate");
        this.ingestion = new BatchIngestion<>(Topics.DEAD_LETTER, "dead letters", new DeadLetterDecoder(),
                writer::write, Integer::sum, 0, DataQualityMetrics.outcome(registry, Topics.DEAD_LETTER, "unreadable"),
                () -> { }, afterStore, deadLetters, retry);
    }

    @Topic(Topics.DEAD_LETTER)
    public void receive(ConsumerRecords<String, byte[]> records) {
        ingestion.ingest(records, (batch, fresh) -> {
            stored.increment(fresh);
            repeated.increment(batch.size() - fresh);
        });
    }
}
