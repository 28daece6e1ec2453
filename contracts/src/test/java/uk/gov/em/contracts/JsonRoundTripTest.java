package uk.gov.em.contracts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.contracts.json.JsonSerde;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRoundTripTest {

    private static final String TOPIC = "any";

    @Property(tries = 200)
    void everyReceivedNotificationSurvivesTheKafkaSerde(@ForAll("received") ReceivedNotification value) {
        JsonSerde<ReceivedNotification> serde = JsonSerde.of(ReceivedNotification.class);
        assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, value))).isEqualTo(value);
    }

    @Test
    void aCaseAndAWithdrawalTravelAsOneEventTypeAndComeBackAsWhatTheyWere() {
        JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);
        BreachCase raised = new BreachCase("C-1", "S-1", Queue.PROSECUTIONS, Severity.HIGH, "STRAP_TAMPER",
                "2022.04-v1", "route.strap-tamper",
                new CaseEvidence(List.of("EMS-1"), List.of(new CaseEvidence.Period("EP-1",
                        Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T12:00:00Z"), 43_200)),
                        1, List.of(new CaseEvidence.EarlierBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T00:00:00Z")))),
                Instant.parse("2022-02-03T10:00:00Z"), Instant.parse("2022-02-03T10:00:05Z"), HarmLevel.HIGH,
                "STRAP_TAMPER goes straight to prosecutions.");
        CaseWithdrawal withdrawn = new CaseWithdrawal("C-2", "S-1", "moved by late data", "C-3", "2022.04-v1",
                Instant.parse("2022-02-04T00:00:00Z"));

        assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, raised))).isEqualTo(raised);
        assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, withdrawn))).isEqualTo(withdrawn);
        assertThat(Json.toText(raised)).contains("\"event\":\"CASE_RAISED\"", "\"queue\":\"prosecutions\"",
                "\"openedAt\":\"2022-02-03T10:00:00Z\"");
        assertThat(Json.toText(withdrawn)).contains("\"event\":\"CASE_WITHDRAWN\"");
    }

    @Test
    void aSubjectKeepsItsDatesAndUnknownHarmStaysAbsent() {
        Subject subject = new Subject("S-1", null, true, DeviceType.FITTED_GPS, LocalDate.parse("2022-01-31"),
                Instant.parse("2022-02-01T00:00:00Z"));
        String json = Json.toText(subject);
        assertThat(json).doesNotContain("harmLevel").contains("\"emStartDate\":\"2022-01-31\"");
        assertThat(Json.fromBytes(json.getBytes(), Subject.class)).isEqualTo(subject);
    }

    @Test
    void readersIgnoreFieldsAddedByANewerWriter() {
        String json = "{\"subjectId\":\"S-1\",\"vulnerable\":false,\"addedLater\":42}";
        assertThat(Json.fromBytes(json.getBytes(), Subject.class).subjectId()).isEqualTo("S-1");
    }

    @Provide
    Arbitrary<ReceivedNotification> received() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("ABCxyz019._:-").ofMinLength(1).ofMaxLength(40);
        Arbitrary<Instant> times = Arbitraries.longs().between(946_684_800L, 1_900_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Map<String, String>> details = Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(20)).ofMaxSize(3).injectNull(0.3);
        Arbitrary<Notification> notifications = Combinators.combine(ids, ids, ids.injectNull(0.5),
                Arbitraries.of(BreachType.class), times, times.injectNull(0.5), ids.injectNull(0.5), details)
                .as(Notification::new);
        return Combinators.combine(Arbitraries.of("ems", "ems-dev"), times, notifications)
                .as(ReceivedNotification::new);
    }
}
