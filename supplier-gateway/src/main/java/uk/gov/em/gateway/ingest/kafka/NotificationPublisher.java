package uk.gov.em.gateway.ingest.kafka;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Puts accepted notifications on {@link Topics#NOTIFICATIONS}, keyed by subject so one person's
 * notifications stay in order on one partition. The returned future completes only once every in-sync
 * replica has the record, and fails (never hangs) once the producer's time bounds pass.
 *
 * <p>{@link #publish} may block for up to {@code max.block.ms} while the producer fetches metadata or
 * waits for buffer room, so call it off the event loop.
 */
@Singleton
public class NotificationPublisher {

    public static final String HEADER_SUPPLIER = "em-supplier";
    public static final String HEADER_RECEIVED_AT = "em-received-at";

    private final Producer<String, ReceivedNotification> producer;

    public NotificationPublisher(Producer<String, ReceivedNotification> producer) {
        this.producer = producer;
    }

    /**
     * Sends every notification and completes once all of them are acknowledged, or fails as soon as any one
     * is not. Records may have been written even so; a re-send is safe because downstream de-duplicates.
     */
    public CompletableFuture<Void> publishAll(List<ReceivedNotification> notifications) {
        CompletableFuture<?>[] writes = new CompletableFuture<?>[notifications.size()];
        for (int i = 0; i < writes.length; i++) {
            writes[i] = publish(notifications.get(i));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(writes);
        // fail fast: allOf would otherwise wait for every other record to time out as well
        for (CompletableFuture<?> write : writes) {
            write.whenComplete((ok, error) -> {
                if (error != null) {
                    all.completeExceptionally(error);
                }
            });
        }
        return all;
    }

    public CompletableFuture<RecordMetadata> publish(ReceivedNotification received) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(HEADER_SUPPLIER, received.supplier().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(HEADER_RECEIVED_AT, received.receivedAt().toString().getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, ReceivedNotification> record = new ProducerRecord<>(Topics.NOTIFICATIONS, null,
                received.receivedAt().toEpochMilli(), received.subjectId(), received, headers);
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    written.completeExceptionally(error);
                } else {
                    written.complete(metadata);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // send() throws instead of calling back when it cannot even queue the record (max.block.ms, closed)
            written.completeExceptionally(e);
        }
        return written;
    }
}
