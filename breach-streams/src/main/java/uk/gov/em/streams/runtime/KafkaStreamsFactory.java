package uk.gov.em.streams.runtime;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.BreachStreamsConfig;

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
                              @Value("${kafka.bootstrap.servers}") String bootstrapServers) {
        return new KafkaStreams(BreachTopology.build(PolicySettings.of(policy), metrics),
                BreachStreamsConfig.of(properties.applicationId(), bootstrapServers, properties.stateDirectory()));
    }
}
