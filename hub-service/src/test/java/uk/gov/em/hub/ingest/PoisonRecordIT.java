package uk.gov.em.hub.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.DeadLetters;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.PostgresHarness;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record the hub can never store must neither stall its partition nor vanish: it is set aside on
 * em.dead-letter with where it came from and why, counted, and the records behind it are stored. A database
 * that is away is another matter: nothing is set aside, the batch waits and is stored when it returns.
 */
@MicronautTest(transactional = false)
class PoisonRecordIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MeterRegistry meters;

    @Test
    void aCaseRecordThatDoesNotDecodeAndOneThatPostgresRefusesAreSetAsideAndTheCaseBehindThemIsStored() {
        String subject = "subject-" + UUID.randomUUID();
        ACase refused = ACase.aCase().subject(subject).explanation("a NUL \u0000 that text columns cannot hold");
        ACase behind = ACase.aCase().subject(subject);

        send(subject, "{oops".getBytes(StandardCharsets.UTF_8));
        publish(refused.build(), behind.build());

        awaitStored(behind.caseId());
        assertThat(count("SELECT count(*) FROM breach_case WHERE case_id = '" + refused.caseId() + "'")).isZero();
        List<ConsumerRecord<String, byte[]>> setAside = await().atMost(PATIENCE)
                .until(() -> deadLettersOf(subject), letters -> letters.size() == 2);
        assertThat(setAside).extracting(r -> header(r, DeadLetterHeaders.TOPIC)).containsOnly(Topics.CASES);
        assertThat(header(setAside.get(0), DeadLetterHeaders.MESSAGE)).startsWith("UNREADABLE");
        assertThat(new String(setAside.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{oops");
        assertThat(header(setAside.get(1), DeadLetterHeaders.MESSAGE)).startsWith("UNSTORABLE");
        assertThat(header(setAside.get(1), DeadLetterHeaders.EXCEPTION)).startsWith("SQLSTATE 22");
        assertThat(Long.parseLong(header(setAside.get(1), DeadLetterHeaders.OFFSET)))
                .isGreaterThan(Long.parseLong(header(setAside.get(0), DeadLetterHeaders.OFFSET)));
        assertThat(meters.counter(DeadLetters.METRIC, "topic", Topics.CASES, "cause", "unstorable").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter(DeadLetters.METRIC, "topic", Topics.CASES, "cause", "unreadable").count()).isGreaterThanOrEqualTo(1);
        assertThat(getJson("/api/v1/audit/verify", tokenFor(OPS)).get("ok").asBoolean()).isTrue();
    }

    @Test
    void aNotificationPostgresRefusesIsSetAsideAndTheNotificationsAroundItAreStored() {
        String subject = "subject-" + UUID.randomUUID();
        ReceivedNotification before = ANotification.aNotification().subject(subject).build();
        ReceivedNotification refused = ANotification.aNotification().subject(subject).id("EMS-\u0000-" + UUID.randomUUID()).build();
        ReceivedNotification after = ANotification.aNotification().subject(subject).build();

        publishNotifications(List.of(before, refused, after));

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM notification WHERE subject_id = '" + subject + "'") == 2);
        List<ConsumerRecord<String, byte[]>> setAside = await().atMost(PATIENCE)
                .until(() -> deadLettersOf(subject), letters -> letters.size() == 1);
        assertThat(header(setAside.getFirst(), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.NOTIFICATIONS);
        assertThat(header(setAside.getFirst(), DeadLetterHeaders.MESSAGE)).startsWith("UNSTORABLE");
    }

    @Test
    void whilePostgresIsAwayNothingIsSetAsideAndTheCaseIsStoredWhenItReturns() {
        String subject = "subject-" + UUID.randomUUID();
        ACase waiting = ACase.aCase().subject(subject);
        double failedBefore = meters.counter("em.hub.case.batches.failed").count();

        setConnectionsAllowed(false);
        try {
            publish(waiting.build());
            await().atMost(PATIENCE).until(() -> meters.counter("em.hub.case.batches.failed").count() >= failedBefore + 2);
        } finally {
            setConnectionsAllowed(true);
        }

        awaitStored(waiting.caseId());
        assertThat(deadLettersOf(subject)).isEmpty();
    }

    /** Takes this class's database away from every client (as if PostgreSQL were down) or gives it back. */
    private void setConnectionsAllowed(boolean allowed) {
        String name = database.jdbcUrl().replaceFirst(".*/([^/?]+).*", "$1");
        PostgresHarness.Database admin = PostgresHarness.database();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change connections to " + name, e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(String subject) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "poison-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(r -> {
                    if (subject.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        found.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(header(r, DeadLetterHeaders.OFFSET))));
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
