package uk.gov.em.hub.notifications.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;
import uk.gov.em.hub.common.ingest.BatchIngestListener;
import uk.gov.em.hub.common.ingest.BatchIngestion;
import uk.gov.em.hub.common.ingest.DeadLetters;
import uk.gov.em.hub.common.ingest.IngestProperties;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;

/**
 * Feeds {@code em.breach-notifications} into PostgreSQL for timelines and MI, as the case feed does:
 * one transaction per polled batch, offsets committed synchronously only after it committed (so a crash
 * redelivers, and the idempotent insert absorbs it), records that cannot be read or stored for good set aside
 * on em.dead-letter, and a batch that cannot be stored for a transient reason polled again until it can.
 */
@BatchIngestListener(groupId = NotificationListener.GROUP_ID)
public class NotificationListener {

    /** The consumer group of the hub's notification feed. */
    public static final String GROUP_ID = "em-hub-notifications";

    private final BatchIngestion<ReceivedNotification, Integer> ingestion;
    private final Counter stored;
    private final Counter duplicates;

    public NotificationListener(NotificationWriter writer, AfterStore afterStore, MeterRegistry registry,
                                DeadLetters deadLetters, IngestProperties retry) {
        this.stored = outcome(registry, "stored");
        this.duplicates = outcome(registry, "duplicate");
        this.ingestion = new BatchIngestion<>(Topics.NOTIFICATIONS, "notifications",
                new JsonRecordDecoder<>(ReceivedNotification.class), writer::write, Integer::sum, 0,
                outcome(registry, "unreadable"), () -> { }, afterStore, deadLetters, retry);
    }

    @Topic(Topics.NOTIFICATIONS)
    public void receive(ConsumerRecords<String, byte[]> records) {
        ingestion.ingest(records, (batch, fresh) -> {
            stored.increment(fresh);
            duplicates.increment(batch.size() - fresh);
        });
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("em.hub.notifications")
                .description("Notifications read from em.breach-notifications, by what the hub did with them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
