package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.dedup.domain.NotificationFingerprint;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.person.domain.PersonPolicy;
import uk.gov.em.streams.person.domain.PersonState;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BreachTopologyTest {

    /**
     * People's states written at once, as these tests read the person-store after each notification; the other
     * topology tests run with states written behind, as the service does.
     */
    private static final PolicySettings SETTINGS = PolicySettings.of(PolicyLoader.loadDefault()).writingStateAtOnce();

    @TempDir
    Path stateDir;

    private final List<BreachCase> counted = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ReceivedNotification> notifications;
    private TestOutputTopic<String, CaseEvent> cases;
    private TestOutputTopic<String, DataQualityEvent> dataQuality;

    @BeforeEach
    void startDriver() {
        driver = newDriver("breach-topology-test");
        notifications = notificationsTopic(driver);
        cases = driver.createOutputTopic(Topics.CASES, Serdes.String().deserializer(), JsonSerde.of(CaseEvent.class));
        dataQuality = driver.createOutputTopic(Topics.DATA_QUALITY, Serdes.String().deserializer(),
                JsonSerde.of(DataQualityEvent.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aStrapTamperRaisesOneHighSeverityCaseInProsecutions() {
        send(Notifications.a(BreachType.STRAP_TAMPER));

        List<CaseEvent> raised = cases.readValuesToList();
        assertThat(raised).singleElement().isInstanceOfSatisfying(BreachCase.class, c -> {
            assertThat(c.queue()).isEqualTo(Queue.PROSECUTIONS);
            assertThat(c.severity()).isEqualTo(Severity.HIGH);
            assertThat(c.trigger()).isEqualTo("STRAP_TAMPER");
            assertThat(c.subjectId()).isEqualTo("S-100045");
            assertThat(c.policyVersion()).isEqualTo("2022.04-v1");
            assertThat(c.ruleId()).isEqualTo("route.strap-tamper");
            assertThat(c.openedAt()).isEqualTo(Notifications.OCCURRED);
            assertThat(c.raisedAt()).isEqualTo(Notifications.RECEIVED);
            assertThat(c.evidence().notificationIds()).containsExactly("EMS-000123");
        });
        assertThat(counted).hasSize(1);
        assertThat(dataQuality.isEmpty()).isTrue();
    }

    @Test
    void casesAreKeyedBySubjectAndStampedWithTheirArrival() {
        send(Notifications.a(BreachType.STRAP_TAMPER).subject("S-7"));

        var record = cases.readRecord();
        assertThat(record.key()).isEqualTo("S-7");
        assertThat(record.getRecordTime()).isEqualTo(Notifications.RECEIVED);
    }

    @Test
    void aFullCurfewMissRaisesAHighSeverityCaseInWarnings() {
        send(Notifications.a(BreachType.CURFEW_MISSED_FULL));

        assertThat(cases.readValuesToList()).singleElement().isInstanceOfSatisfying(BreachCase.class, c -> {
            assertThat(c.queue()).isEqualTo(Queue.WARNINGS);
            assertThat(c.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void theSameNotificationTwiceRaisesOneCase() {
        send(Notifications.a(BreachType.STRAP_TAMPER));
        send(Notifications.a(BreachType.STRAP_TAMPER).receivedAt(Notifications.RECEIVED.plusSeconds(90)));

        assertThat(cases.readValuesToList()).hasSize(1);
        assertThat(dataQuality.isEmpty()).isTrue();
        assertThat(outcomes).containsExactly("new", "same-again");
    }

    @Test
    void theSameIdFromAnotherSupplierIsAnotherNotification() {
        send(Notifications.a(BreachType.STRAP_TAMPER));
        send(Notifications.a(BreachType.STRAP_TAMPER).supplier("other-supplier"));

        assertThat(cases.readValuesToList()).hasSize(2).extracting(CaseEvent::caseId).doesNotHaveDuplicates();
    }

    @Test
    void theSameIdWithDifferentContentForTheSamePersonKeepsTheFirstAndReportsAConflict() {
        Notifications first = Notifications.a(BreachType.STRAP_TAMPER);
        Instant later = Notifications.RECEIVED.plus(Duration.ofHours(2));
        send(first);
        send(first.occurredAt(Notifications.OCCURRED.plusSeconds(600)).receivedAt(later));

        assertThat(cases.readValuesToList()).singleElement()
                .isInstanceOfSatisfying(BreachCase.class, c -> assertThat(c.openedAt()).isEqualTo(Notifications.OCCURRED));
        var report = dataQuality.readRecord();
        assertThat(report.key()).isEqualTo("S-100045");
        assertThat(report.value().issue()).isEqualTo(DataQualityEvent.Issue.CONFLICTING_DUPLICATE);
        assertThat(report.value().notificationId()).isEqualTo("EMS-000123");
        assertThat(report.value().supplier()).isEqualTo("ems");
        assertThat(report.value().detectedAt()).isEqualTo(later);
        assertThat(dataQuality.isEmpty()).isTrue();
        assertThat(outcomes).containsExactly("new", "conflicting");
        assertThat(seen("S-100045")).containsExactly(new SeenNotification("ems/EMS-000123",
                NotificationFingerprint.of(first.notification()), Notifications.RECEIVED, false));
    }

    @Test
    void aLaterCopyNamingAnotherPersonIsReportedAndWhatItCausedIsWithdrawn() {
        Notifications first = Notifications.a(BreachType.STRAP_TAMPER);
        Instant later = Notifications.RECEIVED.plus(Duration.ofHours(2));
        send(first);
        send(first.subject("S-200").receivedAt(later));

        List<CaseEvent> events = cases.readValuesToList();
        assertThat(events).hasSize(3);
        String othersCase = events.get(1).caseId();
        assertThat(othersCase).isNotEqualTo(events.get(0).caseId());
        assertThat(events.get(0)).isInstanceOfSatisfying(BreachCase.class, c -> assertThat(c.subjectId()).isEqualTo("S-100045"));
        assertThat(events.get(2)).isInstanceOfSatisfying(CaseWithdrawal.class, w -> {
            assertThat(w.caseId()).isEqualTo(othersCase);
            assertThat(w.subjectId()).isEqualTo("S-200");
            assertThat(w.reason()).isEqualTo("Notification EMS-000123 from ems was first received for S-100045 (at "
                    + Notifications.RECEIVED + "); this later copy naming S-200 conflicts with it, so what it caused is withdrawn.");
            assertThat(w.withdrawnAt()).isEqualTo(later);
        });
        var report = dataQuality.readRecord();
        assertThat(report.key()).isEqualTo("S-200");
        assertThat(report.value().issue()).isEqualTo(DataQualityEvent.Issue.CONFLICTING_DUPLICATE);
        assertThat(report.value().detail()).contains("naming S-200", "first copy named S-100045");
        assertThat(dataQuality.isEmpty()).isTrue();
        assertThat(seen("S-200")).singleElement().satisfies(entry -> assertThat(entry.withdrawn()).isTrue());
    }

    @Test
    void theCopyReceivedFirstWinsEvenWhenItReachesTheIdentityCheckSecond() {
        Notifications first = Notifications.a(BreachType.STRAP_TAMPER);
        send(first.subject("S-200").receivedAt(Notifications.RECEIVED.plus(Duration.ofHours(2))));
        send(first);

        List<CaseEvent> events = cases.readValuesToList();
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isInstanceOfSatisfying(CaseWithdrawal.class, w -> {
            assertThat(w.subjectId()).isEqualTo("S-200");
            assertThat(w.caseId()).isEqualTo(events.get(0).caseId());
        });
        assertThat(dataQuality.readRecord().key()).isEqualTo("S-200");
        assertThat(dataQuality.isEmpty()).isTrue();
    }

    @Test
    void ofThreeCopiesNamingThreePeopleOnlyTheFirstReceivedStandsWhateverOrderTheyArriveIn() {
        Notifications first = Notifications.a(BreachType.LOCATION_BREACH);
        send(first.subject("S-C").receivedAt(Notifications.RECEIVED.plus(Duration.ofHours(2))));
        send(first.subject("S-B").receivedAt(Notifications.RECEIVED.plus(Duration.ofHours(1))));
        send(first);

        assertThat(BreachDriver.inForce(cases.readValuesToList()).values()).extracting(BreachCase::subjectId)
                .containsExactly("S-100045");
        assertThat(dataQuality.readValuesToList()).extracting(DataQualityEvent::subjectId)
                .containsExactlyInAnyOrder("S-C", "S-B");
    }

    @Test
    void copiesAreComparedByTheirOwnTimesNotHowFarTheOtherPartitionsHaveGot() {
        send(Notifications.a(BreachType.ABSENCE_15_MIN).id("N-far-ahead").subject("S-ELSEWHERE")
                .receivedAt(Notifications.RECEIVED.plus(Duration.ofDays(60))));
        Notifications tamper = Notifications.a(BreachType.STRAP_TAMPER);
        send(tamper);
        send(tamper.subject("S-200").receivedAt(Notifications.RECEIVED.plus(Duration.ofHours(1))));

        assertThat(BreachDriver.inForce(cases.readValuesToList()).values()).extracting(BreachCase::subjectId)
                .containsExactlyInAnyOrder("S-ELSEWHERE", "S-100045");
        assertThat(dataQuality.readValuesToList()).extracting(DataQualityEvent::subjectId).containsExactly("S-200");
    }

    @Test
    void aBatteryCopyNamingAnotherPersonHasItsAccumulatedViolationWithdrawn() {
        Instant ended = Notifications.OCCURRED.plus(Duration.ofHours(13));
        Notifications battery = Notifications.a(BreachType.BATTERY_DEPLETED).endedAt(ended).receivedAt(ended.plusSeconds(60));
        send(battery);
        send(battery.subject("S-200").receivedAt(ended.plusSeconds(120)));

        List<CaseEvent> events = cases.readValuesToList();
        assertThat(events).extracting(CaseEvent::subjectId).containsExactly("S-100045", "S-200", "S-200");
        assertThat(events.get(1)).isInstanceOfSatisfying(BreachCase.class,
                c -> assertThat(c.trigger()).isEqualTo(BreachCase.TRIGGER_ABV));
        assertThat(events.get(2)).isInstanceOfSatisfying(CaseWithdrawal.class,
                w -> assertThat(w.caseId()).isEqualTo(events.get(1).caseId()));
        assertThat(personStore().get("S-200").episodes()).isEmpty();
    }

    @Test
    void aBatteryDepletionRaisesNoCase() {
        send(Notifications.a(BreachType.BATTERY_DEPLETED).endedAt(Notifications.OCCURRED.plus(Duration.ofHours(13))));

        assertThat(cases.isEmpty()).isTrue();
        assertThat(outcomes).containsExactly("new");
    }

    @Test
    void anOutOfContactEpisodeRaisesNoCase() {
        send(Notifications.a(BreachType.OUT_OF_CONTACT));

        assertThat(cases.isEmpty()).isTrue();
    }

    @Test
    void anInabilityToMonitorRaisesNoCase() {
        send(Notifications.a(BreachType.INABILITY_TO_MONITOR));

        assertThat(cases.isEmpty()).isTrue();
        assertThat(dataQuality.isEmpty()).isTrue();
    }

    @Test
    void replayingTheSameInputIntoANewApplicationGivesIdenticalCases() {
        List<Notifications> input = List.of(
                Notifications.a(BreachType.STRAP_TAMPER).id("N-1"),
                Notifications.a(BreachType.CURFEW_MISSED_FULL).id("N-2").subject("S-2"),
                Notifications.a(BreachType.ABSENCE_15_MIN).id("N-3").receivedAt(Notifications.RECEIVED.plusSeconds(5)),
                Notifications.a(BreachType.STRAP_TAMPER).id("N-1"));
        input.forEach(this::send);
        List<CaseEvent> firstRun = cases.readValuesToList();

        try (TopologyTestDriver replay = newDriver("breach-topology-replay")) {
            TestInputTopic<String, ReceivedNotification> replayInput = notificationsTopic(replay);
            input.forEach(n -> replayInput.pipeInput(n.subjectId(), n.received()));
            List<CaseEvent> secondRun = replay.createOutputTopic(Topics.CASES, Serdes.String().deserializer(),
                    JsonSerde.of(CaseEvent.class)).readValuesToList();

            assertThat(firstRun).hasSize(3);
            assertThat(secondRun).isEqualTo(firstRun);
        }
    }

    @Test
    void aPersonsNotificationIsForgottenOnceTheyHaveANotificationMoreThanTheHorizonNewer() {
        send(Notifications.a(BreachType.STRAP_TAMPER));
        assertThat(seen("S-100045")).extracting(SeenNotification::identity).containsExactly("ems/EMS-000123");

        send(Notifications.a(BreachType.ABSENCE_15_MIN).id("N-much-later")
                .receivedAt(Notifications.RECEIVED.plus(Duration.ofDays(45)).plus(Duration.ofHours(2))));

        assertThat(seen("S-100045")).extracting(SeenNotification::identity).containsExactly("ems/N-much-later");
    }

    @Test
    void aNotificationWithinTheHorizonIsKeptWhateverTheWallClockSays() {
        send(Notifications.a(BreachType.STRAP_TAMPER));
        driver.advanceWallClockTime(Duration.ofDays(400));
        send(Notifications.a(BreachType.ABSENCE_15_MIN).id("N-2").receivedAt(Notifications.RECEIVED.plus(Duration.ofDays(44))));
        send(Notifications.a(BreachType.STRAP_TAMPER).receivedAt(Notifications.RECEIVED.plus(Duration.ofDays(44))));

        assertThat(seen("S-100045")).extracting(SeenNotification::identity).contains("ems/EMS-000123");
        assertThat(cases.readValuesToList()).extracting(CaseEvent::subjectId).hasSize(2);
        assertThat(outcomes).containsExactly("new", "new", "same-again");
    }

    /**
     * TopologyTestDriver 4.3.1 loses the records a deserialization handler returns while exactly-once is on,
     * so this one test runs at-least-once; BreachStreamsIT checks the same under exactly-once on a real broker.
     */
    @Test
    void anUnreadableRecordIsSkippedAndReportedAndTheNextOneIsProcessed() {
        Properties config = BreachStreamsConfig.of("breach-topology-unreadable", "unused:9092", stateDir.resolve("unreadable"));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        try (TopologyTestDriver atLeastOnce = new TopologyTestDriver(BreachTopology.build(SETTINGS, TopologyEvents.NONE), config)) {
            var raw = atLeastOnce.createInputTopic(Topics.NOTIFICATIONS, new StringSerializer(), new ByteArraySerializer());
            raw.pipeInput("S-100045", "{not json".getBytes(StandardCharsets.UTF_8), Notifications.RECEIVED);
            Notifications tamper = Notifications.a(BreachType.STRAP_TAMPER);
            notificationsTopic(atLeastOnce).pipeInput(tamper.subjectId(), tamper.received());

            var report = atLeastOnce.createOutputTopic(Topics.DATA_QUALITY, Serdes.String().deserializer(),
                    JsonSerde.of(DataQualityEvent.class)).readRecord();
            assertThat(report.key()).isEqualTo("S-100045");
            assertThat(report.value().issue()).isEqualTo(DataQualityEvent.Issue.UNREADABLE_RECORD);
            assertThat(report.value().detail()).startsWith("Record em.breach-notifications-0@0 could not be read");
            assertThat(atLeastOnce.createOutputTopic(Topics.CASES, Serdes.String().deserializer(),
                    JsonSerde.of(CaseEvent.class)).readValuesToList()).hasSize(1);
        }
    }

    @Test
    void everyProcessorStoreAndSinkHasAStableName() {
        String description = BreachTopology.build(SETTINGS, TopologyEvents.NONE).describe().toString();

        assertThat(Stream.of(BreachTopology.NOTIFICATIONS_SOURCE, BreachTopology.SKIP_EMPTY_RECORDS,
                BreachTopology.ARRIVED, BreachTopology.ARRIVED_INPUT, BreachTopology.SIGHTING, BreachTopology.BY_IDENTITY,
                BreachTopology.CHECK_IDENTITY, BreachTopology.IDENTITY_STORE, BreachTopology.RETRACTIONS,
                BreachTopology.RETRACTED, BreachTopology.PERSON_INPUT, BreachTopology.DECIDE_PERSON, BreachTopology.PERSON_STORE,
                BreachTopology.WRITTEN_UP_TO_STORE, BreachTopology.SEEN_STORE,
                BreachTopology.WAKE_STORE, BreachTopology.SUBJECT_REGISTER, BreachTopology.SUBJECTS_SOURCE,
                BreachTopology.UPDATE_SUBJECT_REGISTER, BreachTopology.PERSON_SPLIT + BreachTopology.CASE,
                BreachTopology.PERSON_SPLIT + BreachTopology.QUALITY, BreachTopology.CASE_EVENT,
                BreachTopology.QUALITY_REPORT, BreachTopology.QUALITY_SINK,
                BreachTopology.CASES_SINK, BreachTopology.CONFLICT_REPORT, BreachTopology.DATA_QUALITY_SINK)).allSatisfy(name -> assertThat(description).contains(name));
        assertThat(description).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+");
        // One task owns a person end to end: the only re-partitions are the identity check's way in and out.
        assertThat(Pattern.compile("topics?: \\[?([\\w.-]+)").matcher(description).results().map(m -> m.group(1))
                .filter(topic -> topic.endsWith("-repartition")).distinct().sorted())
                .containsExactly(BreachTopology.BY_IDENTITY + "-repartition", BreachTopology.RETRACTIONS + "-repartition");
    }

    private void send(Notifications n) {
        notifications.pipeInput(n.subjectId(), n.received());
    }

    private KeyValueStore<String, PersonState> personStore() {
        return driver.getKeyValueStore(BreachTopology.PERSON_STORE);
    }

    /**
     * The person's de-duplication entries that still count (first seen within the horizon of their newest): those
     * in their state entry, then those set aside in the de-duplication store.
     */
    private List<SeenNotification> seen(String subjectId) {
        PersonState state = personStore().get(subjectId);
        Instant from = new PersonPolicy(SETTINGS.policy()).rememberedFrom(state);
        List<SeenNotification> entries = new ArrayList<>(state.recentSeen().stream()
                .filter(entry -> !entry.firstSeenAt().isBefore(from)).toList());
        try (KeyValueIterator<Windowed<String>, SeenNotification> all = driver
                .<String, SeenNotification>getWindowStore(BreachTopology.SEEN_STORE).all()) {
            all.forEachRemaining(entry -> {
                if (entry.key.key().startsWith(subjectId + "\u001f") && !entry.value.firstSeenAt().isBefore(from)) {
                    entries.add(entry.value);
                }
            });
        }
        return entries;
    }

    private TopologyTestDriver newDriver(String applicationId) {
        TopologyEvents events = new TopologyEvents() {
            @Override
            public void caseRaised(BreachCase breachCase) {
                counted.add(breachCase);
            }

            @Override
            public void deduplicated(DedupDecision decision) {
                outcomes.add(decision.outcome());
            }
        };
        return new TopologyTestDriver(BreachTopology.build(SETTINGS, events),
                BreachStreamsConfig.of(applicationId, "unused:9092", stateDir.resolve(applicationId)));
    }

    private static TestInputTopic<String, ReceivedNotification> notificationsTopic(TopologyTestDriver driver) {
        return driver.createInputTopic(Topics.NOTIFICATIONS, Serdes.String().serializer(),
                JsonSerde.of(ReceivedNotification.class));
    }
}
