package uk.gov.em.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
