package uk.gov.em.gateway.ingest.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.NotificationRules.FieldProblem;
import uk.gov.em.contracts.NotificationRules.FieldProblem.Kind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.minimal;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.valid;

class NotificationParserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final NotificationParser parser = new NotificationParser();

    @Test
    void readsTheExampleOfTheContractIntoANotification() {
        Notification n = accepted(valid().bytes());

        assertThat(n).isEqualTo(new Notification("EMS-000123", "S-100045", "GPS-88812", BreachType.BATTERY_DEPLETED,
                Instant.parse("2022-02-01T10:15:00Z"), Instant.parse("2022-02-01T13:40:00Z"), "EMS-EP-9931",
                Map.of("note", "device back on charge before report")));
    }

    @Test
    void acceptsANotificationWithOnlyTheRequiredFields() {
        Notification n = accepted(minimal().bytes());

        assertThat(n.deviceId()).isNull();
        assertThat(n.endedAt()).isNull();
        assertThat(n.details()).isNull();
        assertThat(n.effectiveEpisodeId()).isEqualTo("EMS-000124");
    }

    @Test
    void treatsAnExplicitNullForAnOptionalFieldAsAbsent() {
        Notification n = accepted(minimal().with("endedAt", JSON.nullNode()).with("details", JSON.nullNode()).bytes());

        assertThat(n.endedAt()).isNull();
        assertThat(n.details()).isNull();
    }

    @Test
    void normalisesAnOffsetTimeToUtc() {
        Notification n = accepted(minimal().with("occurredAt", "2022-02-01T11:15:00.250+01:00").bytes());

        assertThat(n.occurredAt()).isEqualTo(Instant.parse("2022-02-01T10:15:00.250Z"));
    }

    @Test
    void acceptsAnOccurredAtJustInsideTheFiveMinutesOfClockSkew() {
        accepted(minimal().with("occurredAt", "2026-11-20T12:04:59Z").bytes());
    }

    @Test
    void rejectsBytesThatAreNotJsonAsAProblemWithTheWholeBody() {
        assertThat(rejected("{\"notificationId\": ".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo(NotificationParser.BODY);
                    assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
                    assertThat(p.detail()).contains("not valid JSON");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"EMS-1\"", "42", "null", "true"})
    void rejectsABodyThatIsNotAJsonObject(String body) {
        assertThat(rejected(body.getBytes(StandardCharsets.UTF_8)))
                .extracting(FieldProblem::field).containsExactly(NotificationParser.BODY);
    }

    @Test
    void rejectsTrailingContentAfterTheObject() {
        assertThat(rejected((minimal().text() + " {}").getBytes(StandardCharsets.UTF_8)))
                .extracting(FieldProblem::field).containsExactly(NotificationParser.BODY);
    }

    @Test
    void rejectsAFieldThatAppearsTwiceNamingIt() {
        String twice = "{\"notificationId\":\"A\",\"notificationId\":\"B\",\"subjectId\":\"S\",\"type\":\"STRAP_TAMPER\","
                + "\"occurredAt\":\"2022-02-01T10:15:00Z\"}";

        assertThat(rejected(twice.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("notificationId");
                    assertThat(p.detail()).contains("more than once");
                });
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = minimal().with("deviceId", "XX").bytes();
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("XX");
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28;

        assertThat(rejected(body)).extracting(FieldProblem::field).containsExactly(NotificationParser.BODY);
    }

    @Test
    void rejectsATypoedFieldNameAndPointsToTheRealOne() {
        byte[] body = minimal().without("occurredAt").with("occuredAt", "2022-02-01T10:15:00Z").bytes();

        assertThat(rejected(body))
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("occurredAt", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("occuredAt", Kind.MALFORMED));
        assertThat(rejected(body)).filteredOn(p -> p.field().equals("occuredAt"))
                .singleElement().extracting(FieldProblem::detail).asString().contains("did you mean 'occurredAt'");
    }

    @Test
    void rejectsLocationCoordinatesAsUnknownFields() {
        byte[] body = minimal().with("latitude", JSON.numberNode(51.5)).with("longitude", JSON.numberNode(-0.12)).bytes();

        assertThat(rejected(body)).extracting(FieldProblem::field).containsExactly("latitude", "longitude");
    }

    @Test
    void namesEveryMissingRequiredField() {
        assertThat(rejected("{}".getBytes(StandardCharsets.UTF_8)))
                .extracting(FieldProblem::field)
                .containsExactly("notificationId", "subjectId", "type", "occurredAt");
    }

    @Test
    void treatsAnExplicitNullForARequiredFieldAsMissing() {
        assertThat(rejected(minimal().with("subjectId", JSON.nullNode()).bytes()))
                .singleElement().extracting(FieldProblem::field, FieldProblem::detail)
                .containsExactly("subjectId", "is required");
    }

    @Test
    void namesEveryFieldOfTheWrongJsonType() {
        byte[] body = valid()
                .with("notificationId", 123)
                .with("subjectId", JSON.arrayNode().add("S-1"))
                .with("deviceId", JSON.booleanNode(true))
                .with("type", JSON.objectNode())
                .with("occurredAt", 1643710500)
                .with("endedAt", JSON.booleanNode(false))
                .with("episodeId", 7)
                .with("details", "note")
                .bytes();

        List<FieldProblem> problems = rejected(body);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                "notificationId", "subjectId", "deviceId", "type", "occurredAt", "endedAt", "episodeId", "details");
        assertThat(problems).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Kind.MALFORMED));
        assertThat(problems.getFirst().detail()).isEqualTo("must be a string, not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-02-01", "2022-02-01T10:15Z", "2022-02-01T10:15:00", "2022-02-01 10:15:00Z",
            "2022-02-01T10:15:00+0100", "2022-02-30T10:15:00Z", "2022-02-01T25:15:00Z", "yesterday", "1643710500"})
    void rejectsATimeThatIsNotRfc3339(String time) {
        assertThat(rejected(minimal().with("occurredAt", time).bytes()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("occurredAt");
                    assertThat(p.kind()).isEqualTo(Kind.MALFORMED);
                });
    }

    @Test
    void acceptsLowerCaseSeparatorsAsRfc3339Allows() {
        assertThat(accepted(minimal().with("occurredAt", "2022-02-01t10:15:00z").bytes()).occurredAt())
                .isEqualTo(Instant.parse("2022-02-01T10:15:00Z"));
    }

    @Test
    void rejectsDetailsThatAreNotAFlatObjectOfStringsNamingEachBadEntry() {
        byte[] body = minimal().with("details", JSON.objectNode()
                .put("note", "fine")
                .put("count", 3)
                .set("nested", JSON.objectNode().put("a", "b"))).bytes();

        assertThat(rejected(body))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("details.count", "details.nested");
    }

    @Test
    void rejectsIdentifiersWithForbiddenCharactersOrLength() {
        byte[] body = minimal()
                .with("notificationId", "EMS/000123")
                .with("subjectId", "")
                .with("deviceId", "x".repeat(65))
                .with("episodeId", "EP 1")
                .bytes();

        assertThat(rejected(body))
                .extracting(FieldProblem::field)
                .containsExactly("notificationId", "subjectId", "deviceId", "episodeId");
    }

    @Test
    void rejectsDetailsOverFourKibibytes() {
        byte[] body = minimal().with("details", JSON.objectNode().put("note", "x".repeat(4100))).bytes();

        assertThat(rejected(body)).singleElement().extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly("details", Kind.MALFORMED);
    }

    @Test
    void judgesAnUnknownTypeCodeImpossibleRatherThanMalformed() {
        ParseOutcome.Invalid invalid = invalid(minimal().with("type", "BATTERY_LOW").bytes());

        assertThat(invalid.problems()).singleElement()
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly("type", Kind.IMPOSSIBLE);
        assertThat(invalid.malformed()).isFalse();
    }

    @Test
    void judgesAnEndBeforeTheStartImpossible() {
        ParseOutcome.Invalid invalid = invalid(valid().with("endedAt", "2022-02-01T10:14:59Z").bytes());

        assertThat(invalid.problems()).singleElement()
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly("endedAt", Kind.IMPOSSIBLE);
    }

    @Test
    void judgesTimesInTheFutureOrBefore2000Impossible() {
        ParseOutcome.Invalid invalid = invalid(minimal()
                .with("occurredAt", "1999-12-31T23:59:59Z")
                .with("endedAt", "2026-11-20T12:05:01Z").bytes());

        assertThat(invalid.problems())
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("occurredAt", Kind.IMPOSSIBLE),
                        org.assertj.core.groups.Tuple.tuple("endedAt", Kind.IMPOSSIBLE));
        assertThat(invalid.malformed()).isFalse();
    }

    @Test
    void isMalformedOverallWhenMalformedAndImpossibleProblemsMeet() {
        ParseOutcome.Invalid invalid = invalid(minimal().with("type", "NO_SUCH_TYPE").with("colour", "red").bytes());

        assertThat(invalid.problems()).extracting(FieldProblem::field).containsExactly("type", "colour");
        assertThat(invalid.malformed()).isTrue();
    }

    @Test
    void stillJudgesTheOtherFieldsWhenRequiredOnesAreMissing() {
        byte[] body = "{\"subjectId\":\"bad id\",\"endedAt\":\"3000-01-01T00:00:00Z\",\"type\":\"NOPE\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejected(body))
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("notificationId", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("subjectId", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("type", Kind.IMPOSSIBLE),
                        org.assertj.core.groups.Tuple.tuple("occurredAt", Kind.MALFORMED),
                        org.assertj.core.groups.Tuple.tuple("endedAt", Kind.IMPOSSIBLE));
    }

    @Test
    void doesNotBlameEndedAtForTheOrderWhenOccurredAtIsUnreadable() {
        byte[] body = valid().with("occurredAt", "not a time").bytes();

        assertThat(rejected(body)).extracting(FieldProblem::field).containsExactly("occurredAt");
    }

    private Notification accepted(byte[] body) {
        ParseOutcome outcome = parser.parse(body, NOW);
        assertThat(outcome).isInstanceOf(ParseOutcome.Valid.class);
        return ((ParseOutcome.Valid) outcome).notification();
    }

    private ParseOutcome.Invalid invalid(byte[] body) {
        ParseOutcome outcome = parser.parse(body, NOW);
        assertThat(outcome).isInstanceOf(ParseOutcome.Invalid.class);
        return (ParseOutcome.Invalid) outcome;
    }

    private List<FieldProblem> rejected(byte[] body) {
        return invalid(body).problems();
    }
}
