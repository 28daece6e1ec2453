package uk.gov.em.streams.runtime;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import uk.gov.em.streams.topology.BreachStreamsConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster's client security settings reach every client Kafka Streams creates; the topology's own cannot be weakened. */
class StreamsClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"em-breach-streams\" password=\"pw\";";

    @Test
    void passesTlsAndSaslSettingsFromKafkaConfigurationToTheStream() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "sasl-jaas.config", "a spelling Kafka does not know",
                "health.enabled", "true");

        Properties config = BreachStreamsConfig.of("em-breach-streams", "kafka:9093", Path.of("/tmp/state"),
                KafkaStreamsFactory.clientSettings(kafka));

        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .doesNotContainKeys("sasl-jaas.config", "health.enabled");
    }

    @Test
    void theTopologysOwnSettingsWinOverConfiguration() {
        Properties config = BreachStreamsConfig.of("em-breach-streams", "kafka:9093", Path.of("/tmp/state"),
                KafkaStreamsFactory.clientSettings(Map.of(
                        "processing.guarantee", "at_least_once", "application.id", "someone-else")));

        assertThat(config).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "em-breach-streams");
    }
}
