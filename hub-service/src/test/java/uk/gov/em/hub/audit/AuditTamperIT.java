package uk.gov.em.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.KafkaHarness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.hub.testing.ACase.aCase;
import static org.awaitility.Awaitility.await;

/**
 * The schema owner rewrites the audit trail behind the hub's back: it disables the append-only trigger,
 * deletes the last rows, and (second) recomputes every hash as best it can without the hub's key. Verify
 * reports the break both times: against the head published to Kafka, and against the keyed hashes. A case's
 * status changed in its table (not in the trail) is reported against the case's last audited transition.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperIT extends HubIntegrationTest {

    private static final int ROWS = 6;

    @Test
    @Order(2)
    void deletingTheLastRowsIsReportedAgainstThePublishedHeadAndPuttingThemBackHealsIt() throws Exception {
        String ops = tokenFor(OPS);
        for (int i = 1; i <= ROWS; i++) {
            assertThat(put("/api/v1/subjects/S-TAMPER-" + i, Map.of("harmLevel", "HIGH", "vulnerable", false,
                    "deviceType", "FITTED_GPS", "emStartDate", "2022-01-10"), ops).statusCode()).isEqualTo(200);
        }
        long head = count("SELECT last_seq FROM audit_head");
        awaitCheckpointAt(head);
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();

        List<Object[]> deleted = new ArrayList<>();
        try (Connection owner = superuser(); Statement s = owner.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM audit_event WHERE seq > " + (head - 2) + " ORDER BY seq")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    deleted.add(row);
                }
            }
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("DELETE FROM audit_event WHERE seq > " + (head - 2));
            s.execute("UPDATE audit_head SET last_seq = " + (head - 2) + ", last_hash = (SELECT hash FROM audit_event"
                    + " WHERE seq = " + (head - 2) + ")");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }

        JsonNode report = getJson("/api/v1/audit/verify", ops);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(head - 1);
        assertThat(report.get("problem").asText()).contains("missing");

        try (Connection owner = superuser(); Statement s = owner.createStatement()) {
            for (Object[] row : deleted) {
                try (PreparedStatement insert = owner.prepareStatement("INSERT INTO audit_event VALUES ("
                        + "?,".repeat(row.length - 1) + "?)")) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setObject(c + 1, row[c]);
                    }
                    insert.executeUpdate();
                }
            }
            s.execute("UPDATE audit_head SET last_seq = " + head + ", last_hash = (SELECT hash FROM audit_event"
                    + " WHERE seq = " + head + ")");
        }
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(1)
    void aStatusChangedDirectlyInTheCaseTableIsReportedAgainstTheCasesLastAuditedTransition() {
        BreachCase c = aCase().subject("S-TAMPER-STATUS").build();
        publish(c);
        awaitStored(c.caseId());
        String ops = tokenFor(OPS);
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
        long raised = count("SELECT seq FROM audit_event WHERE case_id = '" + c.caseId() + "' AND action = 'CASE_RAISED'");

        sql("UPDATE breach_case SET status = 'CLOSED' WHERE case_id = '" + c.caseId() + "'");

        JsonNode report = getJson("/api/v1/audit/verify", ops);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(raised);
        assertThat(report.get("problem").asText()).contains(c.caseId()).contains("is CLOSED")
                .contains("last took it to OPEN");

        sql("UPDATE breach_case SET status = 'OPEN' WHERE case_id = '" + c.caseId() + "'");
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void deletingTheLastRowsAndRecomputingEveryHashWithoutTheKeyIsReported() throws Exception {
        long head = count("SELECT last_seq FROM audit_head");
        assertThat(head).isGreaterThanOrEqualTo(ROWS);
        AuditChain forger = new AuditChain("the-owner-s-best-guess-at-the-key!!".getBytes());
        try (Connection owner = superuser(); Statement s = owner.createStatement()) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            s.execute("DELETE FROM audit_event WHERE seq > " + (head - 2));
            String previous = AuditChain.GENESIS;
            try (ResultSet rs = owner.createStatement().executeQuery(
                    "SELECT seq, at, actor, action, case_id, subject_id, detail FROM audit_event ORDER BY seq");
                 PreparedStatement rehash = owner.prepareStatement(
                         "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                while (rs.next()) {
                    AuditEntry entry = new AuditEntry(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                    String hash = forger.hash(previous, rs.getLong(1), entry);
                    rehash.setString(1, previous);
                    rehash.setString(2, hash);
                    rehash.setLong(3, rs.getLong(1));
                    rehash.executeUpdate();
                    previous = hash;
                }
            }
            s.execute("UPDATE audit_head SET last_seq = " + (head - 2) + ", last_hash = '" + previous + "'");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }

        JsonNode report = getJson("/api/v1/audit/verify", tokenFor(OPS));
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(1);
        assertThat(report.get("problem").asText()).contains("does not match its hash");
    }

    private void awaitCheckpointAt(long seq) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(checkpointTopic(), 0)));
            consumer.seekToBeginning(consumer.assignment());
            long[] latest = {0};
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    latest[0] = Json.mapper().readTree(r.value()).path("seq").asLong();
                }
                assertThat(latest[0]).isEqualTo(seq);
            });
        }
    }
}
