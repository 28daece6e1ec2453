package uk.gov.em.streams.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.KafkaClientSettings;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.BreachStreamsConfig;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    /**
     * Every Kafka setting under {@code kafka.*} (so {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*},
     * {@code KAFKA_SSL_*} from the environment) that a stream, producer, consumer or admin client knows
     * reaches the stream's clients.
     */
    @Singleton
    KafkaStreams kafkaStreams(StreamsProperties properties, Policy policy, CaseMetrics metrics,
                              @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                              @Property(name = "kafka") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                              Map<String, Object> kafka) {
        return new KafkaStreams(BreachTopology.build(properties.settings(policy), metrics),
                BreachStreamsConfig.of(properties.applicationId(), bootstrapServers, properties.stateDirectory(),
                        clientSettings(kafka)));
    }

    static Map<String, Object> clientSettings(Map<String, Object> kafka) {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return KafkaClientSettings.known(kafka, names);
    }
}
