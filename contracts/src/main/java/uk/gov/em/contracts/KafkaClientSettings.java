package uk.gov.em.contracts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka client settings a service was configured with ({@code kafka.*}, so {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_*}... from the environment),
 * narrowed to the names one kind of client understands. Every service builds its clients from these, so TLS,
 * SASL/SCRAM or mTLS reach every producer, consumer, admin client and stream alike.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /**
     * The entries of {@code configured} (keys relative to {@code kafka.}) whose key is one of Kafka's own
     * {@code names}, as strings. Environment variables reach the configuration under several spellings
     * ({@code bootstrap.servers}, {@code bootstrap-servers}...); only Kafka's own are kept.
     */
    public static Map<String, Object> known(Map<String, Object> configured, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        configured.forEach((key, value) -> {
            if (names.contains(key) && value != null) {
                config.put(key, value.toString());
            }
        });
        return config;
    }
}
