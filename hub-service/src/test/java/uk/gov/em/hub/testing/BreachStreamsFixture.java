package uk.gov.em.hub.testing;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.topology.BreachStreamsConfig;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.TopologyEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stream processor's own topology ({@link BreachTopology#build} with the published policy) in a
 * TopologyTestDriver: the browser tests feed it notifications and register people, and hand the hub
 * exactly the case records it publishes, byte for byte, so the pages show what caseworkers would see
 * rather than cases written by hand.
 */
public final class BreachStreamsFixture implements AutoCloseable {

    /** A record the topology published on em.breach-cases: its key and its bytes as they would go on the wire. */
    public record Published(String key, byte[] value) {
    }

    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ReceivedNotification> notifications;
    private final TestInputTopic<String, Subject> subjects;
    private final TestOutputTopic<String, byte[]> cases;
    private final JsonSerde<CaseEvent> caseSerde = JsonSerde.of(CaseEvent.class);

    public BreachStreamsFixture(Instant wallClock) {
        try {
            stateDir = Files.createTempDirectory("em-hub-topology-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(
                BreachTopology.build(PolicySettings.of(PolicyLoader.loadDefault()), TopologyEvents.NONE),
                BreachStreamsConfig.of("hub-browser-fixtures", "unused:9092", stateDir), wallClock);
        notifications = driver.createInputTopic(Topics.NOTIFICATIONS, Serdes.String().serializer(),
                JsonSerde.of(ReceivedNotification.class));
        subjects = driver.createInputTopic(Topics.SUBJECTS, Serdes.String().serializer(), JsonSerde.of(Subject.class));
        cases = driver.createOutputTopic(Topics.CASES, Serdes.String().deserializer(), new ByteArrayDeserializer());
    }

    /** Tells the topology about a person, as the hub's subject register does through em.subjects. */
    public BreachStreamsFixture register(Subject subject) {
        subjects.pipeInput(subject.subjectId(), subject);
        return this;
    }

    /** Feeds notifications in, keyed by person and stamped with their arrival, as the gateway publishes them. */
    public BreachStreamsFixture send(List<ReceivedNotification> received) {
        for (ReceivedNotification n : received) {
            notifications.pipeInput(new TestRecord<>(n.subjectId(), n, n.receivedAt()));
        }
        return this;
    }

    /** The case records published since the last call, in order. */
    public List<Published> published() {
        List<Published> out = new ArrayList<>();
        for (var record : cases.readRecordsToList()) {
            out.add(new Published(record.key(), record.value()));
        }
        return out;
    }

    /** A published record read back, to find the cases it raised. */
    public CaseEvent read(Published record) {
        return caseSerde.deserialize(Topics.CASES, record.value());
    }

    /** The cases (not withdrawals) among {@code records}. */
    public List<BreachCase> raised(List<Published> records) {
        return records.stream().map(this::read).filter(BreachCase.class::isInstance).map(BreachCase.class::cast)
                .toList();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
