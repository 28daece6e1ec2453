package uk.gov.em.streams.topology;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's integration tests on the real broker: notifications in as the gateway writes them, the topology run. */
final class OnTheBroker {

    private OnTheBroker() {
    }

    /** Writes {@code input} to the notifications topic in order, keyed by person, each acknowledged by all replicas. */
    static void produce(List<Notifications> input) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), JsonSerde.of(ReceivedNotification.class))) {
            for (Notifications n : input) {
                producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.subjectId(), n.received())).get();
            }
        }
    }

    /** Starts the topology as the service runs it (exactly-once v2) under {@code applicationId}. */
    static KafkaStreams start(String applicationId, Path stateDir) {
        Properties config = BreachStreamsConfig.of(applicationId, KafkaHarness.bootstrapServers(), stateDir.resolve(applicationId));
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        KafkaStreams streams = new KafkaStreams(BreachTopology.build(BreachDriver.SETTINGS, TopologyEvents.NONE), config);
        streams.start();
        return streams;
    }
}
