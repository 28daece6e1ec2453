package uk.gov.em.gateway.ingest.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ingest.domain.BatchParserTest.problemFields;

class CsvReportParserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String HEADER = "notificationId,subjectId,deviceId,type,occurredAt,endedAt,episodeId\r\n";

    private final CsvReportParser parser = new CsvReportParser(new NotificationParser(), 3);

    @Test
    void readsARowIntoTheSameNotificationAsItsJson() {
        List<BatchItem> items = items(HEADER
                + "EMS-000123,S-100045,GPS-88812,BATTERY_DEPLETED,2022-02-01T10:15:00Z,2022-02-01T13:40:00Z,EMS-EP-9931\r\n");

        assertThat(((ParseOutcome.Valid) items.getFirst().outcome()).notification()).isEqualTo(new Notification(
                "EMS-000123", "S-100045", "GPS-88812", BreachType.BATTERY_DEPLETED, Instant.parse("2022-02-01T10:15:00Z"),
                Instant.parse("2022-02-01T13:40:00Z"), "EMS-EP-9931", null));
    }

    @Test
    void treatsAnEmptyCellAsAnAbsentField() {
        Notification n = ((ParseOutcome.Valid) items(HEADER + "EMS-1,S-1,,OUT_OF_CONTACT,2022-02-01T10:15:00Z,,\n")
                .getFirst().outcome()).notification();

        assertThat(n.deviceId()).isNull();
        assertThat(n.endedAt()).isNull();
        assertThat(n.episodeId()).isNull();
    }

    @Test
    void acceptsColumnsInAnyOrderAndOnlyTheRequiredOnes() {
        List<BatchItem> items = items("occurredAt,type,subjectId,notificationId\n2022-02-01T10:15:00Z,STRAP_TAMPER,S-1,EMS-1\n");

        assertThat(items.getFirst().outcome()).isInstanceOf(ParseOutcome.Valid.class);
    }

    @Test
    void judgesEveryRowOnItsOwnCountingFromTheFirstRowAfterTheHeader() {
        List<BatchItem> items = items(HEADER
                + "EMS-1,S-1,,STRAP_TAMPER,2022-02-01T10:15:00Z,,\n"
                + "EMS-2,S-1,,STRAP_TAMPER,2022-02-01T10:15:00Z,2022-01-01T00:00:00Z,\n"
                + "EMS-3,S-1,,STRAP_TAMPER,2022-02-01T10:15:00Z\n");

        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2);
        assertThat(items.get(0).outcome()).isInstanceOf(ParseOutcome.Valid.class);
        assertThat(problemFields(items.get(1))).containsExactly("endedAt");
        assertThat(items.get(1).notificationId()).isEqualTo("EMS-2");
        assertThat(problemFields(items.get(2))).containsExactly("$");
    }

    @Test
    void readsQuotedCellsWithCommasAndStripsAByteOrderMark() {
        List<BatchItem> items = items("\uFEFF" + HEADER + "\"EMS-1\",S-1,,\"STRAP_TAMPER\",2022-02-01T10:15:00Z,,\"EP,1\"\n");

        assertThat(problemFields(items.getFirst())).containsExactly("episodeId");
    }

    @Test
    void readsAReportWithOnlyAHeaderAsAnEmptyBatch() {
        assertThat(items(HEADER)).isEmpty();
    }

    @Test
    void refusesWholeAHeaderWithADetailsColumnATypoAndAMissingRequiredColumn() {
        BatchOutcome outcome = parse("notificationId,subjectId,type,occuredAt,details\n");

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Unreadable.class, u ->
                assertThat(u.problems()).extracting(FieldProblem::field).containsExactly("occuredAt", "details", "occurredAt"));
    }

    @Test
    void refusesWholeAHeaderNamingAColumnTwice() {
        assertThat(parse("notificationId,subjectId,type,occurredAt,type\n")).isInstanceOfSatisfying(BatchOutcome.Unreadable.class,
                u -> assertThat(u.problems()).extracting(FieldProblem::field).containsExactly("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "notificationId,subjectId,type,occurredAt\n\"EMS-1,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n",
            "notificationId,subjectId,type,occurredAt\nEMS-1,\"S-1\"x,STRAP_TAMPER,2022-02-01T10:15:00Z\n"})
    void refusesWholeABodyThatIsNotCsv(String body) {
        assertThat(parse(body)).isInstanceOf(BatchOutcome.Unreadable.class);
    }

    @Test
    void refusesWholeABodyThatIsNotUtf8() {
        byte[] latin1 = ("notificationId,subjectId,type,occurredAt\nEMS-\u00e9,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parser.parse(latin1, NOW)).isInstanceOf(BatchOutcome.Unreadable.class);
    }

    @Test
    void refusesWholeAReportOfMoreRowsThanABatchMayCarry() {
        String row = "EMS-1,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n";

        assertThat(parse("notificationId,subjectId,type,occurredAt\n" + row.repeat(4)))
                .isEqualTo(new BatchOutcome.TooManyItems(4, 3));
    }

    private BatchOutcome parse(String csv) {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private List<BatchItem> items(String csv) {
        BatchOutcome outcome = parse(csv);
        assertThat(outcome).isInstanceOf(BatchOutcome.Items.class);
        return ((BatchOutcome.Items) outcome).items();
    }
}
