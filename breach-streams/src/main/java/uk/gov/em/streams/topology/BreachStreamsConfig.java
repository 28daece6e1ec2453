package uk.gov.em.streams.topology;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import uk.gov.em.contracts.Topics;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka Streams configuration the topology is meant to run with, shared by the service and the tests:
 * exactly-once v2, short commits, and records that cannot be read or processed set aside rather than fatal —
 * unreadable input is reported on em.data-quality and kept on em.dead-letter ({@link UnreadableRecordHandler});
 * a record on which a processor throws is logged, kept on em.dead-letter with the exception (Kafka Streams'
 * own dead-letter records) and skipped, so one bad record never stops every partition of the instance.
 * Both are counted by Kafka Streams ({@code kafka_stream_task_dropped_records_total}).
 */
public final class BreachStreamsConfig {

    /**
     * Short commits keep end-to-end latency low: under exactly-once, output is visible only after a commit, so a case
     * waits half of this on average. The cluster's client settings may name another ({@code KAFKA_COMMIT_INTERVAL_MS}):
     * shorter is lower latency for more transactions, longer is the other way round (docs/benchmarks.md, "End-to-end
     * latency").
     */
    public static final long COMMIT_INTERVAL_MS = 100;
    /**
     * The producer's batch per partition, 256 KiB rather than Kafka's 16 KiB: the topology writes to seven topics'
     * partitions at once (cases, data quality, changelogs, re-partitions), and every batch filled wakes the producer's
     * sender thread. Measured flat out, the full topology ran 15-35 % faster with it, the JSON pass-through about 10 %
     * (docs/benchmarks.md); at everyday rates batches never fill, and the commit sends them as before.
     */
    public static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private BreachStreamsConfig() {
    }

    public static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
        return of(applicationId, bootstrapServers, stateDir, Map.of());
    }

    /**
     * As {@link #of(String, String, Path)}, on top of the cluster's client settings ({@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}...), which Kafka Streams hands to every client it creates. The settings
     * this topology is meant to run with are imposed over them and cannot be weakened by configuration; only the
     * commit interval, a trade of latency against throughput, is theirs to choose.
     */
    public static Properties of(String applicationId, String bootstrapServers, Path stateDir,
                                Map<String, Object> clientSettings) {
        Properties config = new Properties();
        config.putAll(clientSettings);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        if (!config.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            // a prefixed setting wins over a plain one in Kafka Streams: set it only when the cluster's settings name neither
            config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        }
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecordHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER);
        // The default from Kafka 5.0 on; set now so behaviour does not change under us (and to quiet its warning).
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }
}
