package uk.gov.em.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People's states written behind (ADR 0010), on the real broker under exactly-once v2: an instance that goes away
 * before it has written the states its notifications changed leaves them only in its memory, and the instance
 * that takes its partitions over, with none of its local state, reads those notifications again and goes on
 * exactly as one that never stopped would: the same case events, none twice, none lost.
 */
class StateWrittenBehindIT {

    /**
     * Changed states written every hour, and no wake-up (which writes what is held) while the test runs: nothing is
     * written behind in time, so only reading the input again can bring the states back.
     */
    private static final PolicySettings NEVER_WRITTEN_IN_TIME = new PolicySettings(BreachDriver.SETTINGS.policy(),
            Duration.ofHours(1), PolicySettings.DEFAULT_QUIET_PERIOD, Duration.ofHours(1));
    private static final Instant S = Instant.parse("2022-03-01T00:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String first = "S-BEHIND-1-" + run;
    private final String second = "S-BEHIND-2-" + run;

    @TempDir
    Path stateDir;

    @Test
    void anInstanceTakingOverReadsAgainWhatItsPredecessorHadNotWrittenAndPublishesExactlyWhatOneInstanceWould()
            throws Exception {
        List<Notifications> before = List.of(
                battery(first, "A", Duration.ZERO, Duration.ofHours(8)),
                breach(first, BreachType.ABSENCE_15_MIN, "1", Duration.ofHours(10)),
                battery(second, "X", Duration.ofDays(1), Duration.ofHours(6)));
        List<Notifications> after = List.of(
                // 8 h before and 5 h now: an ABV only for a task that remembers the first episode
                battery(first, "B", Duration.ofDays(1), Duration.ofHours(5)),
                // a copy of a notification already applied: nothing, for a task that remembers it
                breach(first, BreachType.ABSENCE_15_MIN, "1", Duration.ofHours(10)).receivedAt(S.plus(Duration.ofDays(2))),
                // the second breach on the ladder, for a task that remembers the first
                breach(first, BreachType.CURFEW_MISSED_FULL, "2", Duration.ofDays(3)),
                battery(second, "Y", Duration.ofDays(2), Duration.ofHours(7)));
        List<CaseEvent> expected = new ArrayList<>();
        List<CaseEvent> expectedBefore;
        try (BreachDriver reference = new BreachDriver(stateDir, "reference", S)) {
            before.forEach(reference::send);
            expectedBefore = reference.cases();
            after.forEach(reference::send);
            expected.addAll(reference.cases());
        }
        assertThat(expectedBefore).hasSize(1);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        Set<String> people = Set.of(first, second);
        String applicationId = "behind-" + run;

        KafkaConsumer<String, CaseEvent> reader = OnTheBroker.caseReader();
        KafkaStreams gone = OnTheBroker.start(applicationId, stateDir.resolve("gone"), NEVER_WRITTEN_IN_TIME);
        List<CaseEvent> published = new ArrayList<>();
        try {
            awaitCaughtUpWithEarlierTests(gone);
            OnTheBroker.produce(before);
            published.addAll(OnTheBroker.awaitCaseEvents(reader, people, expectedBefore.size()));
            assertThat(published).containsExactlyElementsOf(expectedBefore);
        } finally {
            // leaving the group hands its partitions over at once, rather than after the session times out
            gone.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        assertThat(personStoreKeys(applicationId)).as("states written by the instance that went away")
                .doesNotContain(first, second);

        OnTheBroker.produce(after);
        try (KafkaStreams takingOver = OnTheBroker.start(applicationId, stateDir.resolve("taking-over"),
                NEVER_WRITTEN_IN_TIME)) {
            published.addAll(OnTheBroker.awaitCaseEvents(reader, people, expected.size() - expectedBefore.size()));
            Map<CaseEvent, Long> counts = published.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(counts.values()).allMatch(n -> n == 1);
        } finally {
            reader.close();
        }
    }

    /**
     * The topic holds what earlier tests wrote, and a copy naming someone else among it makes the new application
     * write every state it holds (a retraction does) once the identity check has found it. A case for a person of
     * this test's own, then both re-partitions (the identity check's way in, the retractions' way back) read to
     * their end for a while, and the application is past all that.
     */
    private void awaitCaughtUpWithEarlierTests(KafkaStreams streams) throws Exception {
        String marker = "S-BEHIND-MARKER-" + run;
        OnTheBroker.produce(List.of(breach(marker, BreachType.STRAP_TAMPER, "M", Duration.ZERO)));
        assertThat(OnTheBroker.awaitCaseEvents(Set.of(marker), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(1))
                .until(() -> repartitionsReadToTheirEnd(streams));
    }

    /** Whether the application's consumer has no record left to read on any partition of its re-partition topics. */
    private static boolean repartitionsReadToTheirEnd(KafkaStreams streams) {
        List<Double> lags = streams.metrics().values().stream()
                .filter(metric -> metric.metricName().name().equals("records-lag")
                        && metric.metricName().tags().getOrDefault("topic", "").endsWith("-repartition"))
                .map(metric -> ((Number) metric.metricValue()).doubleValue())
                .toList();
        return !lags.isEmpty() && lags.stream().allMatch(lag -> lag == 0);
    }

    private Notifications battery(String subject, String episode, Duration from, Duration length) {
        Instant start = S.plus(from);
        Instant end = start.plus(length);
        return Notifications.a(BreachType.BATTERY_DEPLETED).subject(subject).id("N-" + episode + "-" + run)
                .episode(episode + "-" + run).occurredAt(start).endedAt(end).receivedAt(end.plusSeconds(300));
    }

    private Notifications breach(String subject, BreachType type, String id, Duration at) {
        return Notifications.a(type).subject(subject).id("N-" + id + "-" + run).occurredAt(S.plus(at))
                .receivedAt(S.plus(at).plusSeconds(90));
    }

    /** The people the application's person-store changelog holds a committed state for. */
    private static Set<String> personStoreKeys(String applicationId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "behind-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(applicationId + "-" + BreachTopology.PERSON_STORE + "-changelog"));
            Set<String> keys = new HashSet<>();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
            }
            return keys;
        }
    }
}
