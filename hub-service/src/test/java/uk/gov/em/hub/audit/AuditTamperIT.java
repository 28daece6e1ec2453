package uk.gov.em.hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Each test puts the trail back as it found it, so they pass in any order.
 */
@MicronautTest(transactional = false)
class AuditTamperIT extends HubIntegrationTest {

    private static final int ROWS = 6;

    @Test
    void deletingTheLastRowsIsReportedAgainstThePublishedHeadAndPuttingThemBackHealsIt() throws Exception {
        String ops = tokenFor(OPS);
        long head = appendRowsAndAwaitTheirCheckpoint("S-TAMPER-DELETE-", ops);

        List<Object[]> deleted = rowsAfter(head - 2);
        try (Connection owner = superuser(); Statement s = owner.createStatement()) {
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
        // the checkpoint publisher runs every 200 ms here: it must never publish the lowered head, which
        // would make the trail verify again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                () -> !getJson("/api/v1/audit/verify", ops).get("ok").asBoolean());

        try (Connection owner = superuser(); Statement s = owner.createStatement()) {
            putBack(owner, deleted);
            s.execute("UPDATE audit_head SET last_seq = " + head + ", last_hash = (SELECT hash FROM audit_event"
                    + " WHERE seq = " + head + ")");
        }
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
    }

    @Test
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
    void deletingTheLastRowsAndRecomputingEveryHashWithoutTheKeyIsReported() throws Exception {
        String ops = tokenFor(OPS);
        long head = appendRowsAndAwaitTheirCheckpoint("S-TAMPER-REHASH-", ops);
        List<Object[]> deleted = rowsAfter(head - 2);
        Map<Long, String[]> hashes = new HashMap<>();
        try (Connection owner = superuser(); Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, prev_hash, hash FROM audit_event")) {
            while (rs.next()) {
                hashes.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
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

        JsonNode report = getJson("/api/v1/audit/verify", ops);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(1);
        assertThat(report.get("problem").asText()).contains("does not match its hash");

        try (Connection owner = superuser(); Statement s = owner.createStatement();
             PreparedStatement restore = owner.prepareStatement(
                     "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            putBack(owner, deleted);
            for (Map.Entry<Long, String[]> row : hashes.entrySet()) {
                restore.setString(1, row.getValue()[0]);
                restore.setString(2, row.getValue()[1]);
                restore.setLong(3, row.getKey());
                restore.executeUpdate();
            }
            s.execute("UPDATE audit_head SET last_seq = " + head + ", last_hash = (SELECT hash FROM audit_event"
                    + " WHERE seq = " + head + ")");
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        }
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
    }

    /** Appends {@value #ROWS} register changes and waits until the head they make is published. */
    private long appendRowsAndAwaitTheirCheckpoint(String prefix, String ops) {
        // EM started today: a start long ago would make the review scheduler raise a review for each person,
        // appending rows of its own while the test cuts the trail
        for (int i = 1; i <= ROWS; i++) {
            assertThat(put("/api/v1/subjects/" + prefix + i, Map.of("harmLevel", "HIGH", "vulnerable", false,
                    "deviceType", "FITTED_GPS", "emStartDate", LocalDate.now().toString()), ops).statusCode())
                    .isEqualTo(200);
        }
        long head = count("SELECT last_seq FROM audit_head");
        awaitCheckpointAt(head);
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();
        return head;
    }

    private List<Object[]> rowsAfter(long seq) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection owner = superuser(); Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM audit_event WHERE seq > " + seq + " ORDER BY seq")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void putBack(Connection owner, List<Object[]> rows) throws Exception {
        for (Object[] row : rows) {
            try (PreparedStatement insert = owner.prepareStatement("INSERT INTO audit_event VALUES ("
                    + "?,".repeat(row.length - 1) + "?)")) {
                for (int c = 0; c < row.length; c++) {
                    insert.setObject(c + 1, row[c]);
                }
                insert.executeUpdate();
            }
        }
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
