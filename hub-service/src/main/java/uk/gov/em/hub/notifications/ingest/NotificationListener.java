package uk.gov.em.hub.notifications.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds {@code em.breach-notifications} into PostgreSQL for timelines and MI, as the case feed does:
 * one transaction per polled batch, offsets committed synchronously only after it committed (so a crash
 * redelivers, and the idempotent insert absorbs it), unreadable records logged and skipped, and a batch
 * that cannot be stored polled again until it can.
 */
@KafkaListener(
        groupId = NotificationListener.GROUP_ID,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${hub.ingest.retry-delay:5s}"))
public class NotificationListener {

    /** The consumer group of the hub's notification feed. */
    public static final String GROUP_ID = "em-hub-notifications";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final JsonRecordDecoder<ReceivedNotification> decoder = new JsonRecordDecoder<>(ReceivedNotification.class);
    private final NotificationWriter writer;
    private final AfterStore afterStore;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter unreadable;

    public NotificationListener(NotificationWriter writer, AfterStore afterStore, MeterRegistry registry) {
        this.writer = writer;
        this.afterStore = afterStore;
        this.stored = outcome(registry, "stored");
        this.duplicates = outcome(registry, "duplicate");
        this.unreadable = outcome(registry, "unreadable");
    }

    @Topic(Topics.NOTIFICATIONS)
    public void receive(ConsumerRecords<String, byte[]> records) {
        List<ReceivedNotification> batch = new ArrayList<>(records.count());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            var decoded = decoder.decode(record);
            if (decoded.isPresent()) {
                batch.add(decoded.get());
            } else {
                skipped++;
            }
        }
        int fresh = 0;
        if (!batch.isEmpty()) {
            try {
                fresh = writer.write(batch);
            } catch (RuntimeException e) {
                LOG.warn("Cannot store {} notifications; the batch will be polled again: {}", batch.size(), e.toString());
                throw e;
            }
        }
        unreadable.increment(skipped);
        stored.increment(fresh);
        duplicates.increment(batch.size() - fresh);
        afterStore.stored(Topics.NOTIFICATIONS);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("em.hub.notifications")
                .description("Notifications read from em.breach-notifications, by what the hub did with them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
