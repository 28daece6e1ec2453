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
    void everyKindOfReasonTravelsOnTheCaseAndComesBackAsItWas() {
        JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);
        Instant t = Instant.parse("2022-02-03T09:00:00Z");
        CaseReason abv = CaseReason.AccumulatedBatteryViolation.of(t.minusSeconds(7 * 86_400), t, List.of(
                        new CaseReason.BatteryPeriod(List.of("EP-1"), Instant.parse("2022-02-01T00:00:00Z"),
                                Instant.parse("2022-02-01T04:00:00Z"), 14_400),
                        new CaseReason.BatteryPeriod(List.of("EP-2", "EP-3"), Instant.parse("2022-02-03T01:00:00Z"), t, 28_800)),
                43_200, new CaseReason.Ladder(3, 90, List.of(
                        new CaseReason.EarlierBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T22:00:00Z"), "C-a"),
                        new CaseReason.EarlierBreach("LOCATION_BREACH", Instant.parse("2022-01-15T08:00:00Z"), "C-b")),
                        Queue.REVIEWS, false), "ladder.reviews", "2022.04-v1");
        CaseReason sevenDays = new CaseReason.OutOfContactSevenDays("EP-9", "OUT_OF_CONTACT",
                Instant.parse("2022-02-01T10:00:00Z"), Instant.parse("2022-02-08T10:00:00Z"), 604_800,
                new CaseReason.Direct(Queue.REVIEWS, Severity.CRITICAL, false), "route.out-of-contact-7-days", "2022.04-v1");
        CaseReason tamper = new CaseReason.SingleBreach("EMS-1", "STRAP_TAMPER", Instant.parse("2022-02-03T10:00:00Z"),
                new CaseReason.Direct(Queue.REVIEWS, Severity.HIGH, true), "ladder.vulnerable-not-prosecutions", "2022.04-v1");

        for (CaseReason reason : List.of(abv, sevenDays, tamper)) {
            BreachCase raised = caseWith(reason);
            assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, raised))).isEqualTo(raised);
        }
        assertThat(((CaseReason.AccumulatedBatteryViolation) abv).totalSeconds()).isEqualTo(43_200);
        assertThat(Json.toText(caseWith(abv))).contains("\"contractVersion\":2",
                "\"reason\":{\"kind\":\"ACCUMULATED_BATTERY_VIOLATION\"", "\"route\":\"LADDER\"",
                "\"totalSeconds\":43200", "\"caseId\":\"C-a\"");
        assertThat(Json.toText(caseWith(tamper))).contains("\"kind\":\"BREACH\"", "\"route\":\"DIRECT\"",
                "\"vulnerableOverride\":true");
    }

    @Test
    void aCaseOfTheFirstFormatReadsAsVersionOneWithItsExplanationAndNoReason() {
        String json = """
                {"event":"CASE_RAISED","caseId":"C-1","subjectId":"S-1","queue":"warnings","severity":"MEDIUM",
                 "trigger":"ACCUMULATED_BATTERY_VIOLATION","policyVersion":"2022.04-v1","ruleId":"ladder.warnings",
                 "evidence":{"notificationIds":["N-1"],"periods":[],"qualifyingBreaches":1,"earlierBreaches":[]},
                 "openedAt":"2022-02-01T12:00:00Z","raisedAt":"2022-02-01T12:00:05Z",
                 "explanation":"12 h of battery time out of contact within 7 days reached at 2022-02-01T12:00:00Z"}""";

        BreachCase read = (BreachCase) Json.fromBytes(json.getBytes(), CaseEvent.class);

        assertThat(read.contractVersion()).isEqualTo(BreachCase.FIRST_VERSION);
        assertThat(read.reason()).isNull();
        assertThat(read.explanation()).startsWith("12 h of battery time");
        assertThat(Json.toText(read)).doesNotContain("reason");
    }

    @Test
    void aReasonOfAKindThisReaderDoesNotKnowIsReadAsNoReasonAndTheCaseStillArrives() {
        String json = """
                {"event":"CASE_RAISED","caseId":"C-1","subjectId":"S-1","queue":"reviews","severity":"HIGH",
                 "trigger":"NEW_KIND_OF_TRIGGER","openedAt":"2022-02-01T12:00:00Z","raisedAt":"2022-02-01T12:00:05Z",
                 "explanation":"why","contractVersion":3,
                 "reason":{"kind":"SOMETHING_NEWER","placement":{"route":"SOMEWHERE_NEW"},"ruleId":"r"}}""";

        BreachCase read = (BreachCase) Json.fromBytes(json.getBytes(), CaseEvent.class);

        assertThat(read.reason()).isNull();
        assertThat(read.contractVersion()).isEqualTo(3);
        assertThat(read.explanation()).isEqualTo("why");
    }

    @Test
    void aPlacementOfARouteThisReaderDoesNotKnowIsReadAsNoPlacement() {
        String json = """
                {"kind":"BREACH","notificationId":"N-1","trigger":"STRAP_TAMPER","occurredAt":"2022-02-01T12:00:00Z",
                 "placement":{"route":"SOMEWHERE_NEW","queue":"reviews"},"ruleId":"r","policyVersion":"p"}""";

        CaseReason read = Json.fromBytes(json.getBytes(), CaseReason.class);

        assertThat(read).isEqualTo(new CaseReason.SingleBreach("N-1", "STRAP_TAMPER",
                Instant.parse("2022-02-01T12:00:00Z"), null, "r", "p"));
    }

    private static BreachCase caseWith(CaseReason reason) {
        return new BreachCase("C-1", "S-1", reason.placement().queue(), Severity.HIGH, "T", reason.policyVersion(),
                reason.ruleId(), new CaseEvidence(List.of("EMS-1"), List.of(), 1, List.of()),
                Instant.parse("2022-02-03T10:00:00Z"), Instant.parse("2022-02-03T10:00:05Z"), HarmLevel.HIGH,
                "why", BreachCase.CONTRACT_VERSION, reason);
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
