package uk.gov.em.gateway;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * What reaches {@link Topics#NOTIFICATIONS} from the moment this reader is opened: a test's downstream view of
 * the gateway. Reads every partition from its end at opening, so records of earlier tests are not seen.
 */
public final class NotificationsTopic implements AutoCloseable {

    private final KafkaConsumer<String, ReceivedNotification> consumer;
    private final int partitions;
    private final List<ConsumerRecord<String, ReceivedNotification>> seen = new CopyOnWriteArrayList<>();

    public NotificationsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), JsonSerde.of(ReceivedNotification.class).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        this.partitions = partitions.size();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until a record of this notification has arrived and returns the first one. */
    public ConsumerRecord<String, ReceivedNotification> awaitRecord(String notificationId) {
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll();
            return !recordsOf(notificationId).isEmpty();
        });
        return recordsOf(notificationId).getFirst();
    }

    /** Waits until records of all these notifications have arrived. */
    public void awaitRecords(List<String> notificationIds) {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll();
            return notificationIds.stream().allMatch(id -> !recordsOf(id).isEmpty());
        });
    }

    /** The records of this notification seen so far (call after an await: it does not poll). */
    public List<ConsumerRecord<String, ReceivedNotification>> recordsOf(String notificationId) {
        return seen.stream().filter(r -> r.value().notification().notificationId().equals(notificationId)).toList();
    }

    public int partitions() {
        return partitions;
    }

    /** Every record seen so far. */
    public List<ConsumerRecord<String, ReceivedNotification>> seen() {
        return List.copyOf(seen);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
