package uk.gov.em.streams.runtime;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.testing.KafkaHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as deployed: Micronaut starts the real topology with exactly-once v2 on the shared real
 * broker, under an application id of its own so every run starts from fresh state.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreachStreamsIT implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    KafkaStreams streams;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of(
                    "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                    "em.streams.application-id", "breach-streams-it-" + run,
                    "em.streams.state-dir", Files.createTempDirectory("breach-streams-it-").toString(),
                    "micronaut.server.port", "-1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStrapTamperOnTheNotificationsTopicBecomesAProsecutionsCaseOnTheCasesTopic() throws Exception {
        String subject = "S-IT-" + run;
        Notifications tamper = Notifications.a(BreachType.STRAP_TAMPER).id("IT-" + run).subject(subject);
        send(subject, json(tamper));
        send(subject, json(tamper));

        List<CaseEvent> cases = awaitRecords(Topics.CASES, subject, JsonSerde.of(CaseEvent.class), 1);

        assertThat(cases).singleElement().isInstanceOfSatisfying(BreachCase.class, c -> {
            assertThat(c.queue()).isEqualTo(Queue.PROSECUTIONS);
            assertThat(c.severity()).isEqualTo(Severity.HIGH);
            assertThat(c.evidence().notificationIds()).containsExactly("IT-" + run);
        });
    }

    @Test
    void anUnreadableRecordIsReportedOnTheDataQualityTopicKeptOnTheDeadLetterTopicAndTheStreamCarriesOn() throws Exception {
        String subject = "S-BAD-" + run;
        byte[] unreadable = "{\"supplier\": \"ems\", \"notification\": 42".getBytes(StandardCharsets.UTF_8);
        send(subject, unreadable);
        Notifications after = Notifications.a(BreachType.LOCATION_BREACH).id("IT-AFTER-" + run).subject(subject);
        send(subject, json(after));

        List<DataQualityEvent> reports = awaitRecords(Topics.DATA_QUALITY, subject, JsonSerde.of(DataQualityEvent.class), 1);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.issue()).isEqualTo(DataQualityEvent.Issue.UNREADABLE_RECORD);
            assertThat(r.detail()).startsWith("Record " + Topics.NOTIFICATIONS + "-");
        });
        assertThat(awaitRecords(Topics.DEAD_LETTER, subject, new ByteArrayDeserializer(), 1))
                .singleElement().isEqualTo(unreadable);
        assertThat(awaitRecords(Topics.CASES, subject, JsonSerde.of(CaseEvent.class), 1)).hasSize(1);
    }

    @Test
    void healthAnswersExactlyStatusUpWhileTheStreamsRun() {
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);

        String body = http.toBlocking().retrieve(HttpRequest.GET("/health"));

        assertThat(body).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusServesKafkaStreamsMetricsAndCasesRaised() throws Exception {
        String subject = "S-METRICS-" + run;
        Notifications curfew = Notifications.a(BreachType.CURFEW_MISSED_FULL).id("IT-M-" + run).subject(subject);
        send(subject, json(curfew));
        awaitRecords(Topics.CASES, subject, JsonSerde.of(CaseEvent.class), 1);

        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

        assertThat(metrics)
                .contains("em_cases_raised_total{queue=\"warnings\",rule=\"ladder.warnings\",severity=\"HIGH\"}")
                .contains("kafka_stream_");
    }

    @Test
    void prometheusCountsAbvsRaisedAndWithdrawnAndDataQualityExceptionsByKind() throws Exception {
        String subject = "S-ABV-" + run;
        java.time.Instant start = java.time.Instant.parse("2022-02-01T00:00:00Z");
        Notifications later = Notifications.a(BreachType.BATTERY_DEPLETED).subject(subject).id("IT-B-" + run)
                .episode("B-" + run).occurredAt(start.plusSeconds(20 * 3600)).endedAt(start.plusSeconds(32 * 3600))
                .receivedAt(start.plusSeconds(33 * 3600));
        Notifications earlier = later.id("IT-A-" + run).episode("A-" + run).occurredAt(start)
                .endedAt(start.plusSeconds(6 * 3600)).receivedAt(start.plusSeconds(72 * 3600));
        send(subject, json(later));
        send(subject, json(earlier));
        send(subject, json(earlier.endedAt(start.plusSeconds(7 * 3600)).receivedAt(start.plusSeconds(73 * 3600))));

        // raised at 32 h, withdrawn and raised again at 26 h when the earlier period arrives
        assertThat(awaitRecords(Topics.CASES, subject, JsonSerde.of(CaseEvent.class), 3)).hasSize(3);
        awaitRecords(Topics.DATA_QUALITY, subject, JsonSerde.of(DataQualityEvent.class), 1);

        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        assertThat(metrics).containsPattern("em_abv_raised_total(\\{[^}]*})? ([2-9]|\\d{2,})\\.")
                .containsPattern("em_abv_withdrawn_total(\\{[^}]*})? [1-9]")
                .contains("em_data_quality_exceptions_total{issue=\"CONFLICTING_DUPLICATE\"}");
    }

    private static byte[] json(Notifications n) {
        return JsonSerde.of(ReceivedNotification.class).serialize(Topics.NOTIFICATIONS, n.received());
    }

    private static void send(String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, value)).get();
        }
    }

    /** Reads committed records for {@code key} from the start of {@code topic} until {@code count} arrived. */
    private <T> List<T> awaitRecords(String topic, String key, Deserializer<T> serde, int count) {
        List<T> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), serde)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
                return found.size() >= count;
            });
            // Anything more (a twin) would have been committed together with what we saw: read once more.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(r.value());
                }
            });
        }
        return found;
    }
}
