package uk.gov.em.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A reader of one topic on the harness's broker, from its earliest record, that sees only committed records, as the
 * product's own consumers do ({@code read_committed}): what a test on the real broker checks the topology wrote.
 */
public final class CommittedReader {

    private CommittedReader() {
    }

    /** A new consumer group of its own, subscribed to {@code topic}, keys as strings. */
    public static <V> KafkaConsumer<String, V> of(String topic, Deserializer<V> values) {
        KafkaConsumer<String, V> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "committed-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
        reader.subscribe(List.of(topic));
        return reader;
    }

    /**
     * The records {@code reader} reads next that {@code wanted} takes: once {@code count} of them have come, or
     * {@code patience} has run out (the caller's assertions on what did come say more than a timeout would), and
     * then two seconds more, so that a second copy committed with them or soon after shows too.
     */
    public static <V> List<ConsumerRecord<String, V>> next(KafkaConsumer<String, V> reader,
                                                          Predicate<ConsumerRecord<String, V>> wanted, int count,
                                                          Duration patience) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        long waitUntil = System.nanoTime() + patience.toNanos();
        while (found.size() < count && System.nanoTime() < waitUntil) {
            reader.poll(Duration.ofMillis(200)).forEach(r -> keep(r, wanted, found));
        }
        long moreUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < moreUntil) {
            reader.poll(Duration.ofMillis(200)).forEach(r -> keep(r, wanted, found));
        }
        return found;
    }

    private static <V> void keep(ConsumerRecord<String, V> record, Predicate<ConsumerRecord<String, V>> wanted,
                                 List<ConsumerRecord<String, V>> found) {
        if (wanted.test(record)) {
            found.add(record);
        }
    }
}
