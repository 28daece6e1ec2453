package uk.gov.em.hub.dataquality;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;
import uk.gov.em.hub.dataquality.ingest.DataQualityWriter;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream processor's data-quality reports and every service's dead letters reach the hub's exceptions table:
 * each once however often it is read, an unreadable report set aside and then listed as a dead letter, and MI
 * counting them by month, supplier and kind.
 */
@MicronautTest(transactional = false)
class DataQualityIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataQualityWriter writer;

    @Test
    void aReportReadAgainOrReplayedIsListedOnce() {
        String supplier = "dq-" + UUID.randomUUID();
        DataQualityEvent conflict = report(supplier, DataQualityEvent.Issue.CONFLICTING_DUPLICATE, "N-1");
        DataQualityEvent tooLate = report(supplier, DataQualityEvent.Issue.TOO_LATE, "N-2");

        sendTo(Topics.DATA_QUALITY, conflict.subjectId(), Json.toBytes(conflict));
        sendTo(Topics.DATA_QUALITY, tooLate.subjectId(), Json.toBytes(tooLate));
        sendTo(Topics.DATA_QUALITY, conflict.subjectId(), Json.toBytes(conflict)); // a replay reports it again
        await().atMost(PATIENCE).until(() -> rowsOf(supplier) == 2);

        // what a redelivery after a crash between the commit and the offset commit does
        assertThat(writer.write(List.of(DataQualityReport.of(conflict), DataQualityReport.of(tooLate)))).isZero();
        assertThat(rowsOf(supplier)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM data_quality_exception WHERE supplier = '" + supplier
                + "' AND kind = 'TOO_LATE' AND notification_id = 'N-2'")).isEqualTo(1);
    }

    @Test
    void aReportThatCannotBeReadIsSetAsideAndThenListedAsADeadLetter() {
        String subject = "S-" + UUID.randomUUID();

        sendTo(Topics.DATA_QUALITY, subject, "{oops".getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM data_quality_exception WHERE subject_id = '"
                + subject + "' AND kind = 'DEAD_LETTERED' AND origin_topic = '" + Topics.DATA_QUALITY
                + "' AND detail LIKE 'UNREADABLE%'") == 1);
    }

    @Test
    void aDeadLetterIsListedWithWhereItCameFromAndTheSupplierItsValueNames() {
        String supplier = "dl-" + UUID.randomUUID();
        ReceivedNotification refused = ANotification.aNotification().supplier(supplier).id("N-9").build();

        sendTo(Topics.DEAD_LETTER, refused.subjectId(), Json.toBytes(refused),
                header(DeadLetterHeaders.TOPIC, Topics.NOTIFICATIONS), header(DeadLetterHeaders.PARTITION, "2"),
                header(DeadLetterHeaders.OFFSET, "41"), header(DeadLetterHeaders.EXCEPTION, "SQLSTATE 22021"),
                header(DeadLetterHeaders.MESSAGE, "UNSTORABLE: invalid byte sequence"));

        await().atMost(PATIENCE).until(() -> rowsOf(supplier) == 1);
        assertThat(count("SELECT count(*) FROM data_quality_exception WHERE supplier = '" + supplier
                + "' AND kind = 'DEAD_LETTERED' AND notification_id = 'N-9' AND subject_id = '" + refused.subjectId()
                + "' AND origin_topic = '" + Topics.NOTIFICATIONS + "' AND origin_partition = 2 AND origin_offset = 41"
                + " AND exception = 'SQLSTATE 22021' AND detail = 'UNSTORABLE: invalid byte sequence'")).isEqualTo(1);
    }

    @Test
    void miCountsTheExceptionsByMonthSupplierAndKind() {
        String supplier = "mi-" + UUID.randomUUID();
        for (String id : List.of("N-1", "N-2", "N-3")) {
            DataQualityEvent e = report(supplier, DataQualityEvent.Issue.CONFLICTING_DUPLICATE, id);
            sendTo(Topics.DATA_QUALITY, e.subjectId(), Json.toBytes(e));
        }
        DataQualityEvent late = report(supplier, DataQualityEvent.Issue.TOO_LATE, "N-4");
        sendTo(Topics.DATA_QUALITY, late.subjectId(), Json.toBytes(late));
        await().atMost(PATIENCE).until(() -> rowsOf(supplier) == 4);

        JsonNode rows = getJson("/api/v1/mi/data-quality?from=2022-01&to=2022-02", tokenFor(SENIOR)).get("rows");

        assertThat(StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> r.path("supplier").asText().equals(supplier))
                .map(r -> r.get("month").asText() + " " + r.get("kind").asText() + " " + r.get("count").asLong()))
                .containsExactly("2022-02 CONFLICTING_DUPLICATE 3", "2022-02 TOO_LATE 1");
        assertThat(get("/api/v1/mi/data-quality?from=2022-01&to=2022-02", tokenFor(CASEWORKER)).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/mi/data-quality?from=2022-13&to=2022-02", tokenFor(OPS)).statusCode()).isEqualTo(400);
    }

    private long rowsOf(String supplier) {
        return count("SELECT count(*) FROM data_quality_exception WHERE supplier = '" + supplier + "'");
    }

    private static DataQualityEvent report(String supplier, DataQualityEvent.Issue issue, String notificationId) {
        Instant at = Instant.parse("2022-02-03T10:00:00Z");
        return new DataQualityEvent(issue, supplier, notificationId, "S-" + supplier, issue + " of " + notificationId,
                at.minusSeconds(60), at);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
