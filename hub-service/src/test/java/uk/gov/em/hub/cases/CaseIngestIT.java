package uk.gov.em.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class CaseIngestIT extends HubIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private String token;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    void signIn() {
        token = tokenFor(CASEWORKER);
    }

    @Test
    void casesPutOnTheTopicAppearInTheirQueueInPolicyOrder() {
        ACase base = ACase.aCase().in(Queue.WARNINGS);
        BreachCase criticalUnknownHarm = base.id(base.caseId() + "-a").severity(Severity.CRITICAL).harm(null).build();
        BreachCase highVeryHighHarm = base.id(base.caseId() + "-b").severity(Severity.HIGH).harm(HarmLevel.VERY_HIGH).build();
        BreachCase highLowHarmOlder = base.id(base.caseId() + "-c").severity(Severity.HIGH).harm(HarmLevel.LOW)
                .openedAt(ACase.T0.minusSeconds(3600)).build();
        BreachCase highLowHarmNewer = base.id(base.caseId() + "-d").severity(Severity.HIGH).harm(HarmLevel.LOW).build();
        BreachCase highUnknownHarm = base.id(base.caseId() + "-e").severity(Severity.HIGH).harm(null)
                .openedAt(ACase.T0.minusSeconds(86_400)).build();
        BreachCase low = base.id(base.caseId() + "-f").severity(Severity.LOW).harm(HarmLevel.VERY_HIGH).build();

        publish(low, highLowHarmNewer, highUnknownHarm, criticalUnknownHarm, highLowHarmOlder, highVeryHighHarm);

        List<String> expected = List.of(criticalUnknownHarm.caseId(), highVeryHighHarm.caseId(),
                highLowHarmOlder.caseId(), highLowHarmNewer.caseId(), highUnknownHarm.caseId(), low.caseId());
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(queueIds("warnings", Set.copyOf(expected))).containsExactlyElementsOf(expected));
    }

    @Test
    void aQueueItemCarriesTheCaseSummary() {
        BreachCase c = ACase.aCase().in(Queue.REVIEWS).harm(HarmLevel.HIGH).build();
        publish(c);

        JsonNode item = await().atMost(PATIENCE).until(() -> queueItem("reviews", c.caseId()), i -> i != null);

        assertThat(item.get("subjectId").asText()).isEqualTo(c.subjectId());
        assertThat(item.get("queue").asText()).isEqualTo("reviews");
        assertThat(item.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(item.get("harmLevel").asText()).isEqualTo("HIGH");
        assertThat(item.get("trigger").asText()).isEqualTo(c.trigger());
        assertThat(item.get("openedAt").asText()).isEqualTo("2022-02-03T10:00:00Z");
        assertThat(item.get("raisedAt").asText()).isEqualTo("2022-02-03T10:00:05Z");
        assertThat(item.get("status").asText()).isEqualTo("OPEN");
        assertThat(item.get("assignee").isNull()).isTrue();
        assertThat(item.get("explanation").asText()).isEqualTo(c.explanation());
    }

    @Test
    void theSameCaseDeliveredTwiceIsStoredOnceAndKeepsItsFirstContent() {
        ACase original = ACase.aCase();
        ACase marker = ACase.aCase().subject(original.subjectId()).raisedAt(ACase.T0);
        publish(original.build(), original.explanation("a different sentence").build(), marker.build());

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + marker.caseId(), token).statusCode() == 200);

        JsonNode listing = getJson("/api/v1/cases?subjectId=" + encode(original.subjectId()), token);
        assertThat(ids(listing)).containsExactly(original.caseId(), marker.caseId());
        assertThat(getJson("/api/v1/cases/" + original.caseId(), token).get("explanation").asText())
                .isEqualTo(original.explanation());
    }

    @Test
    void aWithdrawalMarksTheCaseWithdrawnAndItLeavesTheOpenQueue() {
        ACase c = ACase.aCase().in(Queue.PROSECUTIONS);
        publish(c.build());
        await().atMost(PATIENCE).until(() -> queueItem("prosecutions", c.caseId()) != null);

        publish(c.withdrawal("late battery data closed the gap"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(getJson("/api/v1/cases/" + c.caseId(), token).get("status").asText()).isEqualTo("WITHDRAWN"));
        JsonNode detail = getJson("/api/v1/cases/" + c.caseId(), token);
        assertThat(detail.get("withdrawal").get("reason").asText()).isEqualTo("late battery data closed the gap");
        assertThat(queueItem("prosecutions", c.caseId())).isNull();
        assertThat(ids(getJson("/api/v1/queues/prosecutions?status=withdrawn&limit=200", token))).contains(c.caseId());
    }

    @Test
    void aRedeliveredCaseDoesNotReopenAWithdrawnOne() {
        ACase c = ACase.aCase();
        ACase marker = ACase.aCase().subject(c.subjectId());
        publish(c.build(), c.withdrawal("corrected"), c.build(), marker.build());

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + marker.caseId(), token).statusCode() == 200);

        assertThat(getJson("/api/v1/cases/" + c.caseId(), token).get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheRecordsBehindItStillArrive() {
        ACase c = ACase.aCase();
        send(c.subjectId(), "{not json".getBytes(StandardCharsets.UTF_8));
        send(c.subjectId(), "{\"event\":\"CASE_RAISED\",\"caseId\":\"missing-fields\"}".getBytes(StandardCharsets.UTF_8));
        publish(c.build());

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + c.caseId(), token).statusCode() == 200);
        assertThat(get("/api/v1/cases/missing-fields", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aCaseCarriesEveryPolicyFieldInDetail() {
        BreachCase c = ACase.aCase().build();
        publish(c);

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + c.caseId(), token).statusCode() == 200);
        JsonNode detail = getJson("/api/v1/cases/" + c.caseId(), token);

        assertThat(detail.get("policyVersion").asText()).isEqualTo(c.policyVersion());
        assertThat(detail.get("ruleId").asText()).isEqualTo(c.ruleId());
        assertThat(detail.get("evidence").get("notificationIds").get(1).asText()).isEqualTo("n-2");
        assertThat(detail.get("evidence").get("periods").get(0).get("from").asText()).isEqualTo("2022-02-03T09:00:00Z");
        assertThat(detail.get("evidence").get("qualifyingBreaches").asInt()).isEqualTo(3);
        assertThat(detail.get("storedAt").asText()).endsWith("Z");
        assertThat(detail.get("withdrawal").isNull()).isTrue();
    }

    @Test
    void aCaseOfTheFirstFormatIsStillReadAndItsPageShowsTheSentenceItCameWith() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String subjectId = "subject-" + UUID.randomUUID();
        String sentence = "12 h of battery time out of contact within 7 days reached at 2022-02-01T12:00:00Z "
                + "(episodes E1); 1st qualifying breach in 90 days (ABV on 2022-02-01) → warning "
                + "(policy 2022.04-v1, rule ladder.warnings).";
        String firstFormat = """
                {"event":"CASE_RAISED","caseId":"%s","subjectId":"%s","queue":"warnings","severity":"MEDIUM",
                 "trigger":"ACCUMULATED_BATTERY_VIOLATION","policyVersion":"2022.04-v1","ruleId":"ladder.warnings",
                 "evidence":{"notificationIds":["N-E1"],"periods":[{"episodeId":"E1","from":"2022-02-01T00:00:00Z",
                 "to":"2022-02-01T12:00:00Z","seconds":43200}],"qualifyingBreaches":1,"earlierBreaches":[]},
                 "openedAt":"2022-02-01T12:00:00Z","raisedAt":"2022-02-01T12:05:00Z","harmLevel":"HIGH",
                 "explanation":"%s"}""".formatted(caseId, subjectId, sentence);

        send(subjectId, firstFormat.getBytes(StandardCharsets.UTF_8));
        awaitStored(caseId);

        JsonNode detail = getJson("/api/v1/cases/" + caseId, token);
        assertThat(detail.get("reason").isNull()).isTrue();
        assertThat(detail.get("explanation").asText()).isEqualTo(sentence);
        String page = casePage(caseId);
        assertThat(between(page, "<span id=\"reason-sentence\">", "</span>")).isEqualTo(sentence);
        assertThat(page).doesNotContain("id=\"reason-periods\"");
    }

    @Test
    void aCaseWithItsReasonAsDataKeepsItInTheApiAndItsPageWordsItWithTheBatteryPeriods() throws Exception {
        Instant t = Instant.parse("2022-02-03T09:00:00Z");
        CaseReason reason = CaseReason.AccumulatedBatteryViolation.of(t.minus(Duration.ofDays(7)), t, List.of(
                        new CaseReason.BatteryPeriod(List.of("E1"), Instant.parse("2022-02-01T00:00:00Z"),
                                Instant.parse("2022-02-01T03:40:00Z"), 13_200),
                        new CaseReason.BatteryPeriod(List.of("E2"), Instant.parse("2022-02-03T00:40:00Z"), t, 30_000)),
                43_200, new CaseReason.Ladder(2, 90, List.of(new CaseReason.EarlierBreach("ABSENCE_15_MIN",
                        Instant.parse("2022-01-10T22:00:00Z"), "C-earlier")), Queue.WARNINGS, false),
                "ladder.warnings", "2022.04-v1");
        BreachCase old = ACase.aCase().in(Queue.WARNINGS).trigger(BreachCase.TRIGGER_ABV).openedAt(t).build();
        BreachCase c = new BreachCase(old.caseId(), old.subjectId(), old.queue(), old.severity(), old.trigger(),
                old.policyVersion(), old.ruleId(), old.evidence(), old.openedAt(), old.raisedAt(), old.harmLevel(),
                "the sentence breach-streams wrote", BreachCase.CONTRACT_VERSION, reason);

        publish(c);
        awaitStored(c.caseId());

        JsonNode detail = getJson("/api/v1/cases/" + c.caseId(), token);
        assertThat(detail.get("explanation").asText()).isEqualTo("the sentence breach-streams wrote");
        JsonNode because = detail.get("reason");
        assertThat(because.get("kind").asText()).isEqualTo("ACCUMULATED_BATTERY_VIOLATION");
        assertThat(because.get("windowFrom").asText()).isEqualTo("2022-01-27T09:00:00Z");
        assertThat(because.get("periods").get(1).get("start").asText()).isEqualTo("2022-02-03T00:40:00Z");
        assertThat(because.get("periods").get(1).get("durationSeconds").asLong()).isEqualTo(30_000);
        assertThat(because.get("totalSeconds").asLong()).isEqualTo(43_200);
        assertThat(because.get("placement").get("route").asText()).isEqualTo("LADDER");
        assertThat(because.get("placement").get("earlier").get(0).get("caseId").asText()).isEqualTo("C-earlier");
        assertThat(Json.mapper().treeToValue(because, CaseReason.class)).isEqualTo(reason);
        String page = casePage(c.caseId());
        assertThat(between(page, "<span id=\"reason-sentence\">", "</span>"))
                .startsWith("The tag was out of contact with a flat battery for 12 hours over 2 periods")
                .contains("It is the second qualifying breach in 90 days");
        assertThat(between(page, "id=\"reason-periods\"", "</ul>")).contains(
                "From 1 February 2022 at 00:00 to 1 February 2022 at 03:40: 3 hours 40 minutes (episode E1)",
                "From 3 February 2022 at 00:40 to 3 February 2022 at 09:00: 8 hours 20 minutes (episode E2)");
    }

    @Test
    void aBatchThatCannotBeStoredIsPolledAgainUntilItIsNeverSkipped() throws Exception {
        ACase c = ACase.aCase();
        double failedBefore = failedBatches();
        sql("ALTER TABLE breach_case RENAME TO breach_case_away");
        try {
            publish(c.build());
            await().atMost(PATIENCE).until(() -> failedBatches() >= failedBefore + 2);
        } finally {
            sql("ALTER TABLE breach_case_away RENAME TO breach_case");
        }

        await().atMost(PATIENCE).until(() -> get("/api/v1/cases/" + c.caseId(), token).statusCode() == 200);
    }

    /** The case page as a caseworker signed in gets it. */
    private String casePage(String caseId) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/cases/" + caseId)).header("Cookie", "em_session=" + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String between(String text, String before, String after) {
        int from = text.indexOf(before);
        assertThat(from).as("%s on the page", before).isNotNegative();
        from += before.length();
        return text.substring(from, text.indexOf(after, from));
    }

    private double failedBatches() {
        return meters.find("em.hub.case.batches.failed").counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> queueIds(String queue, Set<String> wanted) {
        return ids(getJson("/api/v1/queues/" + queue + "?limit=200", token)).stream().filter(wanted::contains).toList();
    }

    private JsonNode queueItem(String queue, String caseId) {
        for (JsonNode item : getJson("/api/v1/queues/" + queue + "?limit=200", token).get("items")) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        StreamSupport.stream(page.get("items").spliterator(), false).forEach(i -> ids.add(i.get("caseId").asText()));
        return ids;
    }
}
