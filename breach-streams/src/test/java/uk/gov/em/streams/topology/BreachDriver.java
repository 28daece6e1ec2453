package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real topology in a TopologyTestDriver, with its wall clock set to a chosen instant, and every case event
 * and data-quality report it has published so far.
 */
final class BreachDriver implements AutoCloseable {

    static final PolicySettings SETTINGS = PolicySettings.of(PolicyLoader.loadDefault());

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ReceivedNotification> notifications;
    private final TestInputTopic<String, Subject> subjects;
    private final TestOutputTopic<String, CaseEvent> caseTopic;
    private final TestOutputTopic<String, DataQualityEvent> qualityTopic;
    private final List<CaseEvent> cases = new ArrayList<>();
    private final List<DataQualityEvent> quality = new ArrayList<>();

    BreachDriver(Path stateDir, String applicationId, Instant wallClock) {
        this(stateDir, applicationId, wallClock, TopologyEvents.NONE);
    }

    /** The same, telling {@code events} what the topology decides (as the service's metrics hear it). */
    BreachDriver(Path stateDir, String applicationId, Instant wallClock, TopologyEvents events) {
        this(stateDir, applicationId, wallClock, events, SETTINGS);
    }

    /** The same, with {@code settings}. */
    BreachDriver(Path stateDir, String applicationId, Instant wallClock, TopologyEvents events, PolicySettings settings) {
        driver = new TopologyTestDriver(BreachTopology.build(settings, events),
                BreachStreamsConfig.of(applicationId, "unused:9092", stateDir.resolve(applicationId)), wallClock);
        notifications = driver.createInputTopic(Topics.NOTIFICATIONS, Serdes.String().serializer(),
                JsonSerde.of(ReceivedNotification.class));
        subjects = driver.createInputTopic(Topics.SUBJECTS, Serdes.String().serializer(), JsonSerde.of(Subject.class));
        caseTopic = driver.createOutputTopic(Topics.CASES, Serdes.String().deserializer(), JsonSerde.of(CaseEvent.class));
        qualityTopic = driver.createOutputTopic(Topics.DATA_QUALITY, Serdes.String().deserializer(),
                JsonSerde.of(DataQualityEvent.class));
    }

    BreachDriver send(Notifications n) {
        notifications.pipeInput(n.subjectId(), n.received());
        return this;
    }

    BreachDriver register(Subject subject) {
        subjects.pipeInput(subject.subjectId(), subject);
        return this;
    }

    BreachDriver advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
        return this;
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** Every case event published so far, in order. */
    List<CaseEvent> cases() {
        cases.addAll(caseTopic.readValuesToList());
        return List.copyOf(cases);
    }

    List<BreachCase> raised() {
        return cases().stream().filter(BreachCase.class::isInstance).map(BreachCase.class::cast).toList();
    }

    List<CaseWithdrawal> withdrawn() {
        return cases().stream().filter(CaseWithdrawal.class::isInstance).map(CaseWithdrawal.class::cast).toList();
    }

    /** The cases raised and not withdrawn, by case id. */
    Map<String, BreachCase> inForce() {
        return inForce(cases());
    }

    /** Of {@code events} (in order), the cases raised and not withdrawn since, by case id. */
    static Map<String, BreachCase> inForce(List<CaseEvent> events) {
        Map<String, BreachCase> standing = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            switch (event) {
                case BreachCase c -> standing.put(c.caseId(), c);
                case CaseWithdrawal w -> standing.remove(w.caseId());
            }
        }
        return standing;
    }

    /** The instants T of the ABVs in force, oldest first. */
    List<Instant> abvsInForce() {
        return inForce().values().stream().filter(c -> BreachCase.TRIGGER_ABV.equals(c.trigger()))
                .map(BreachCase::openedAt).sorted().toList();
    }

    List<DataQualityEvent> dataQuality() {
        quality.addAll(qualityTopic.readValuesToList());
        return List.copyOf(quality);
    }

    @Override
    public void close() {
        driver.close();
    }
}
