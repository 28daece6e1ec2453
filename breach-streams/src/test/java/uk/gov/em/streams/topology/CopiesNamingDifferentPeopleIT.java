package uk.gov.em.streams.topology;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.testing.KafkaHarness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/policy.md §1 across partitions, on the real broker under exactly-once v2: two copies of one notification
 * name people whose notifications live in different partitions (so different tasks). The copy received first
 * stands; the other is reported as a conflict and what it caused is withdrawn; a replay into a fresh application
 * ends the same way.
 */
class CopiesNamingDifferentPeopleIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path stateDir;

    @Test
    void theCopyReceivedFirstStandsAndTheOtherPersonsCaseIsWithdrawnEvenAcrossPartitions() throws Exception {
        String first = "S-FIRST-" + run;
        String other = otherPartitionThan(first);
        Notifications kept = Notifications.a(BreachType.STRAP_TAMPER).id("N-SHARED-" + run).subject(first);
        Notifications lost = kept.subject(other).receivedAt(kept.receivedAt().plusSeconds(60));
        OnTheBroker.produce(List.of(lost, kept));

        for (String application : List.of("copies-first-" + run, "copies-replay-" + run)) {
            // each application is judged only on what it writes: read from where the topics end now
            Map<TopicPartition, Long> casesFrom = endOffsets(Topics.CASES);
            Map<TopicPartition, Long> reportsFrom = endOffsets(Topics.DATA_QUALITY);
            try (KafkaStreams streams = OnTheBroker.start(application, stateDir)) {
                await().atMost(OnTheBroker.PATIENCE).untilAsserted(() -> {
                    List<CaseEvent> events = read(casesFrom, JsonSerde.of(CaseEvent.class)).stream()
                            .filter(event -> event.subjectId().contains(run)).toList();
                    assertThat(BreachDriver.inForce(events).values()).extracting(BreachCase::subjectId)
                            .containsExactly(first);
                    assertThat(read(reportsFrom, JsonSerde.of(DataQualityEvent.class)))
                            .filteredOn(report -> report.notificationId() != null
                                    && report.notificationId().equals("N-SHARED-" + run))
                            .singleElement().satisfies(report -> {
                                assertThat(report.issue()).isEqualTo(DataQualityEvent.Issue.CONFLICTING_DUPLICATE);
                                assertThat(report.subjectId()).isEqualTo(other);
                            });
                });
            }
        }
    }

    private String otherPartitionThan(String subject) throws Exception {
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()))) {
            partitions = admin.describeTopics(List.of(Topics.NOTIFICATIONS)).allTopicNames().get()
                    .get(Topics.NOTIFICATIONS).partitions().size();
        }
        assertThat(partitions).as("partitions of " + Topics.NOTIFICATIONS).isGreaterThan(1);
        int taken = partitionOf(subject, partitions);
        return IntStream.range(0, 100).mapToObj(i -> "S-OTHER-" + i + "-" + run)
                .filter(candidate -> partitionOf(candidate, partitions) != taken).findFirst().orElseThrow();
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }



    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Every committed record from {@code from} (one offset per partition of one topic) to the end now. */
    private static <T> List<T> read(Map<TopicPartition, Long> from, Deserializer<T> values) {
        List<T> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), values)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> found.add(r.value()));
            }
        }
        return found;
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }
}
