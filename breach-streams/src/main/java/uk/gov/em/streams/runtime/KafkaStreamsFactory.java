package uk.gov.em.streams.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.BreachStreamsConfig;

import java.util.Map;
import java.util.Properties;

/**
 * Creates the policy and the {@link KafkaStreams} running {@link BreachTopology}. Plain kafka-streams, not
 * micronaut-kafka-streams: the topology is built by the same static method the tests call.
 */
@Factory
class KafkaStreamsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamsFactory.class);

    @Singleton
    Policy policy(StreamsProperties properties) {
        Policy policy = PolicyLoader.load(properties.policyFileName());
        LOG.info("breach policy {} loaded from {}", policy.version(),
                properties.policyFileName().orElse("classpath:" + PolicyLoader.DEFAULT_RESOURCE));
        return policy;
    }

    @Singleton
    KafkaStreams kafkaStreams(StreamsProperties properties, Policy policy, CaseMetrics metrics,
                              @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                              @Property(name = "kafka") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                              Map<String, Object> kafka) {
        Properties config = BreachStreamsConfig.of(properties.applicationId(), bootstrapServers, properties.stateDirectory());
        // How to reach a secured cluster (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), as the other services
        // take it; nothing else of kafka.* may override the topology's own settings.
        kafka.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, String.valueOf(value));
            }
        });
        return new KafkaStreams(BreachTopology.build(PolicySettings.of(policy), metrics), config);
    }
}
