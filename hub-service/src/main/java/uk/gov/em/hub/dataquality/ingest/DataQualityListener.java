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
 * Feeds the stream processor's data-quality reports ({@code em.data-quality}) into PostgreSQL, as the other feeds
 * do: one transaction per polled batch, offsets committed only after it, a redelivered or replayed report stored
 * once (by its fingerprint), a report that cannot be read set aside on em.dead-letter.
 */
@BatchIngestListener(groupId = DataQualityListener.GROUP_ID)
public class DataQualityListener {

    /** The consumer group of the hub's data-quality feed. */
    public static final String GROUP_ID = "em-hub-data-quality";

    private final BatchIngestion<DataQualityReport, Integer> ingestion;
    private final Counter stored;
    private final Counter repeated;

    public DataQualityListener(DataQualityWriter writer, AfterStore afterStore, MeterRegistry registry,
                               DeadLetters deadLetters, IngestProperties retry) {
        this.stored = DataQualityMetrics.outcome(registry, Topics.DATA_QUALITY, "stored");
        this.repeated = DataQualityMetrics.outcome(registry, Topics.DATA_QUALITY, "duplicate");
        this.ingestion = new BatchIngestion<>(Topics.DATA_QUALITY, "data-quality reports", new DataQualityDecoder(),
                writer::write, Integer::sum, 0, DataQualityMetrics.outcome(registry, Topics.DATA_QUALITY, "unreadable"),
                () -> { }, afterStore, deadLetters, retry);
    }

    @Topic(Topics.DATA_QUALITY)
    public void receive(ConsumerRecords<String, byte[]> records) {
        ingestion.ingest(records, (batch, fresh) -> {
            stored.increment(fresh);
            repeated.increment(batch.size() - fresh);
        });
    }
}
