package uk.gov.em.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.streams.policy.PolicySettings;
import java.time.Duration;
import java.util.Set;
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
import uk.gov.em.testing.CommittedReader;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's integration tests on the real broker: notifications in as the gateway writes them, the topology run. */
final class OnTheBroker {

    /** How long a test on the broker waits for what the topology writes. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

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
        return start(applicationId, stateDir, BreachDriver.SETTINGS);
    }

    /** The same, with {@code settings}. */
    static KafkaStreams start(String applicationId, Path stateDir, PolicySettings settings) {
        Properties config = BreachStreamsConfig.of(applicationId, KafkaHarness.bootstrapServers(), stateDir.resolve(applicationId));
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        KafkaStreams streams = new KafkaStreams(BreachTopology.build(settings, TopologyEvents.NONE), config);
        streams.start();
        return streams;
    }

    /** Committed case events for {@code subjects}, waiting until {@code count} arrived and then a little more. */
    static List<CaseEvent> awaitCaseEvents(Set<String> subjects, int count) {
        try (KafkaConsumer<String, CaseEvent> reader = caseReader()) {
            return awaitCaseEvents(reader, subjects, count);
        }
    }

    /** A reader of the committed case events, from the earliest still kept. */
    static KafkaConsumer<String, CaseEvent> caseReader() {
        return CommittedReader.of(Topics.CASES, JsonSerde.of(CaseEvent.class));
    }

    /**
     * The next committed case events {@code reader} reads for {@code subjects}, waiting until {@code count} arrived and
     * then a little more. A reader kept across calls sees every event once, from where it left off.
     */
    static List<CaseEvent> awaitCaseEvents(KafkaConsumer<String, CaseEvent> reader, Set<String> subjects, int count) {
        return CommittedReader.next(reader, r -> subjects.contains(r.key()), count, PATIENCE).stream()
                .map(ConsumerRecord::value).toList();
    }
}
