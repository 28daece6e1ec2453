package uk.gov.em.streams.topology;

import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The Kafka Streams configuration the topology is meant to run with, shared by the service and the tests:
 * exactly-once v2, short commits, and unreadable records reported rather than fatal.
 */
public final class BreachStreamsConfig {

    /** Short commits keep end-to-end latency low: under exactly-once, output is visible only after a commit. */
    public static final long COMMIT_INTERVAL_MS = 100;

    private BreachStreamsConfig() {
    }

    public static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
        return of(applicationId, bootstrapServers, stateDir, Map.of());
    }

    /**
     * As {@link #of(String, String, Path)}, on top of the cluster's client settings ({@code security.protocol},
     * {@code sasl.*}, {@code ssl.*}...), which Kafka Streams hands to every client it creates. The settings
     * this topology is meant to run with are imposed over them and cannot be weakened by configuration.
     */
    public static Properties of(String applicationId, String bootstrapServers, Path stateDir,
                                Map<String, Object> clientSettings) {
        Properties config = new Properties();
        config.putAll(clientSettings);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecordHandler.class);
        // The default from Kafka 5.0 on; set now so behaviour does not change under us (and to quiet its warning).
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }
}
