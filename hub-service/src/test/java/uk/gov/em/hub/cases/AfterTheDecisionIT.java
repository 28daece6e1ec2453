package uk.gov.em.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.work.DeadlineSweep;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The work after the decision, through the API on a real broker and PostgreSQL: warnings and
 * mitigation, prosecutions followed to an outcome under the legal clock, time targets and their MI,
 * reasons on closing, contact and safeguarding, and bulk work for seniors.
 */
@MicronautTest(transactional = false)
class AfterTheDecisionIT extends HubIntegrationTest {

    private final String ann = tokenAs("ann", "CASEWORKER");
    private final String bob = tokenAs("bob", "CASEWORKER");
    private final String sue = tokenAs("sue", "SENIOR_CASEWORKER", "CASEWORKER");

    @Inject
    DeadlineSweep sweep;

    @Test
    void aPersonsWarningMitigationRejectionNextBreachReviewReferralAndDecisionAreEachRecorded() {
        String person = "S-" + UUID.randomUUID();
        Instant now = Instant.now();
        String warning = stored(ACase.aCase().subject(person).in(Queue.WARNINGS)
                .openedAt(now.minus(3, ChronoUnit.DAYS)).raisedAt(now.minus(3, ChronoUnit.DAYS)));
        post(claim(warning), null, ann);

        JsonNode sent = json(post(act(warning), Map.of("action", "WARNING_LETTER_SENT"), ann));
        Instant mitigationDue = Instant.parse(sent.get("mitigationDueAt").asText());
        assertThat(mitigationDue).isCloseTo(Instant.now().plus(14, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
        assertThat(sent.get("dueAt").asText()).isEqualTo(sent.get("mitigationDueAt").asText());
        assertThat(sent.get("overdue").asBoolean()).isFalse();

        JsonNode received = json(post(act(warning), Map.of("action", "MITIGATION_RECEIVED", "note", "letter of 3rd"), ann));
        assertThat(Instant.parse(received.get("dueAt").asText())).isAfter(Instant.now().plus(13, ChronoUnit.DAYS));
        assertThat(post(act(warning), Map.of("action", "MITIGATION_REJECTED"), ann).statusCode()).isEqualTo(422);
        JsonNode rejected = json(post(act(warning), Map.of("action", "MITIGATION_REJECTED",
                "note", "no evidence the charger was faulty"), ann));
        assertThat(rejected.get("status").asText()).isEqualTo("CLOSED");
        assertThat(rejected.get("outcome").asText()).isEqualTo("MITIGATION_REJECTED");
        assertThat(rejected.get("dueAt").isNull()).isTrue();

        // the next breach goes to reviews; the case shows the warning served in the ladder window
        String review = stored(ACase.aCase().subject(person).in(Queue.REVIEWS)
                .openedAt(now.minus(1, ChronoUnit.DAYS)).raisedAt(now.minus(1, ChronoUnit.DAYS)));
        assertThat(getJson("/api/v1/cases/" + review, ann).get("warningsServedInLadderWindow")).hasSize(1);
        post(claim(review), null, sue);
        assertThat(post(act(review), Map.of("action", "REVIEW_COMPLETED"), sue).statusCode()).isEqualTo(422);
        assertThat(post(act(review), Map.of("action", "REVIEW_COMPLETED", "outcome", "SHRUG"), sue).statusCode())
                .isEqualTo(422);

        JsonNode referred = json(post(act(review), Map.of("action", "REFERRED_FOR_PROSECUTION"), sue));
        LocalDate lastDay = LocalDate.ofInstant(now.minus(1, ChronoUnit.DAYS), ZoneOffset.UTC).plusMonths(6);
        assertThat(referred.get("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.get("lastDayToStartProsecution").asText()).isEqualTo(lastDay.toString());
        assertThat(referred.get("dueAt").asText()).isEqualTo(lastDay.plusDays(1) + "T00:00:00Z");
        assertThat(ids("/api/v1/queues/reviews?limit=200", sue)).contains(review);

        assertThat(post(act(review), Map.of("action", "PROSECUTION_DECISION"), sue).statusCode()).isEqualTo(422);
        JsonNode charged = json(post(act(review), Map.of("action", "PROSECUTION_DECISION", "outcome", "CHARGED"), sue));
        assertThat(charged.get("status").asText()).isEqualTo("CHARGED");
        assertThat(charged.get("legalClockWarning").asBoolean()).isFalse();
        JsonNode convicted = json(post(act(review), Map.of("action", "PROSECUTION_OUTCOME", "outcome", "CONVICTED"), sue));

        assertThat(convicted.get("status").asText()).isEqualTo("CLOSED");
        assertThat(convicted.get("outcome").asText()).isEqualTo("PROSECUTION_OUTCOME");
        assertThat(convicted.get("outcomeDetail").asText()).isEqualTo("CONVICTED");
        assertThat(convicted.get("actions")).extracting(a -> a.get("action").asText()).containsExactly(
                "REFERRED_FOR_PROSECUTION", "PROSECUTION_DECISION", "PROSECUTION_OUTCOME");
        assertThat(convicted.get("audit")).extracting(a -> a.get("action").asText()).containsExactly("CASE_RAISED",
                "CLAIMED", "ACTION_REFERRED_FOR_PROSECUTION", "ACTION_PROSECUTION_DECISION",
                "ACTION_PROSECUTION_OUTCOME");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        JsonNode mi = getJson("/api/v1/mi/prosecutions?from=" + month + "&to=" + month, sue).get("rows");
        assertThat(mi).anySatisfy(r -> {
            assertThat(r.get("referred").asLong()).isPositive();
            assertThat(r.get("decided").asLong()).isPositive();
        });
    }

    @Test
    void aWarningWithNoMitigationByItsDeadlineComesBackToTheQueueFlaggedAndUnallocated() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        post(claim(id), null, ann);
        post(act(id), Map.of("action", "WARNING_LETTER_SENT"), ann);
        sweep.sweep();
        assertThat(getJson("/api/v1/cases/" + id, ann).get("attention").isNull()).isTrue();

        sql("UPDATE breach_case SET mitigation_due_at = now() - interval '1 minute' WHERE case_id = '" + id + "'");
        sweep.sweep();
        sweep.sweep();

        JsonNode flagged = getJson("/api/v1/cases/" + id, ann);
        assertThat(flagged.get("attention").asText()).isEqualTo("NO_MITIGATION_BY_DEADLINE");
        assertThat(flagged.get("status").asText()).isEqualTo("WARNING_SENT");
        assertThat(flagged.get("assignee").isNull()).isTrue();
        assertThat(flagged.get("overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(flagged.get("dueAt").asText())).isAfter(Instant.now().plus(4, ChronoUnit.DAYS));
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'FLAGGED_NO_MITIGATION_BY_DEADLINE'"
                + " AND case_id = '" + id + "'")).isEqualTo(1);
        assertThat(ids("/api/v1/queues/warnings?limit=200", bob)).contains(id);

        post(claim(id), null, bob);
        JsonNode closed = json(post(act(id), Map.of("action", "NO_FURTHER_ACTION", "reason", "OTHER",
                "note", "no reply: the warning stands"), bob));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("attention").isNull()).isTrue();
    }

    @Test
    void dueDatesFollowTheQueueTargetAcrossAWeekendAndOverdueCasesAreInTheSlaMi() {
        Instant friday = Instant.parse("2022-02-04T10:00:00Z");
        Instant saturday = Instant.parse("2022-02-05T10:00:00Z");
        String fromFriday = stored(ACase.aCase().in(Queue.WARNINGS).openedAt(friday).raisedAt(friday));
        String fromSaturday = stored(ACase.aCase().in(Queue.WARNINGS).openedAt(saturday).raisedAt(saturday));
        String review = stored(ACase.aCase().in(Queue.REVIEWS).openedAt(friday).raisedAt(friday));
        Instant now = Instant.now();
        String fresh = stored(ACase.aCase().in(Queue.WARNINGS).openedAt(now).raisedAt(now));

        JsonNode f = getJson("/api/v1/cases/" + fromFriday, ann);
        assertThat(f.get("dueAt").asText()).isEqualTo("2022-02-11T10:00:00Z");
        assertThat(f.get("overdue").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/cases/" + fromSaturday, ann).get("dueAt").asText()).isEqualTo("2022-02-11T10:00:00Z");
        assertThat(getJson("/api/v1/cases/" + review, ann).get("dueAt").asText()).isEqualTo("2022-02-18T10:00:00Z");
        JsonNode n = getJson("/api/v1/cases/" + fresh, ann);
        assertThat(n.get("overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(n.get("dueAt").asText())).isAfter(now.plus(5, ChronoUnit.DAYS));

        List<JsonNode> byDue = items("/api/v1/queues/warnings?order=due&limit=200", ann);
        assertThat(byDue).extracting(i -> Instant.parse(i.get("dueAt").asText())).isSorted();
        assertThat(byDue).anySatisfy(i -> {
            assertThat(i.get("caseId").asText()).isEqualTo(fromFriday);
            assertThat(i.get("overdue").asBoolean()).isTrue();
        });

        JsonNode sla = getJson("/api/v1/mi/sla?from=2022-02&to=2022-02", sue);
        assertThat(sla.get("rows")).anySatisfy(r -> {
            assertThat(r.get("month").asText()).isEqualTo("2022-02");
            assertThat(r.get("queue").asText()).isEqualTo("warnings");
            assertThat(r.get("missed").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(r.get("overdueNow").asLong()).isGreaterThanOrEqualTo(2);
        });
        assertThat(sla.get("queues")).anySatisfy(q -> {
            assertThat(q.get("queue").asText()).isEqualTo("warnings");
            assertThat(q.get("overdue").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(Instant.parse(q.get("oldestOverdueDueAt").asText())).isBeforeOrEqualTo(Instant.parse("2022-02-11T10:00:00Z"));
        });
        assertThat(get("/api/v1/mi/sla?from=2022-02&to=2022-02", ann).statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/prometheus", null).body())
                .containsPattern("em_hub_queue_overdue\\{queue=\"warnings\"} [1-9]"));
    }

    @Test
    void theProsecutionsQueueFollowsTheLegalClockAndWarnsThirtyDaysBeforeItRunsOut() {
        Instant now = Instant.now();
        String nearlyOut = stored(ACase.aCase().in(Queue.PROSECUTIONS).severity(Severity.LOW)
                .openedAt(now.atZone(ZoneOffset.UTC).minusMonths(6).plusDays(20).toInstant()).raisedAt(now));
        String recent = stored(ACase.aCase().in(Queue.PROSECUTIONS).severity(Severity.CRITICAL)
                .openedAt(now.minus(30, ChronoUnit.DAYS)).raisedAt(now));
        String middle = stored(ACase.aCase().in(Queue.PROSECUTIONS).severity(Severity.MEDIUM)
                .openedAt(now.minus(90, ChronoUnit.DAYS)).raisedAt(now));
        List<String> ours = List.of(nearlyOut, recent, middle);

        List<String> byClock = new ArrayList<>(ids("/api/v1/queues/prosecutions?order=due&limit=200", ann));
        byClock.retainAll(ours);
        List<String> byPriority = new ArrayList<>(ids("/api/v1/queues/prosecutions?limit=200", ann));
        byPriority.retainAll(ours);

        assertThat(byClock).containsExactly(nearlyOut, middle, recent);
        assertThat(byPriority).containsExactly(recent, middle, nearlyOut);
        assertThat(getJson("/api/v1/cases/" + nearlyOut, ann).get("legalClockWarning").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/cases/" + nearlyOut, ann).get("overdue").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/cases/" + recent, ann).get("legalClockWarning").asBoolean()).isFalse();
    }

    @Test
    void aReferralWithNoWarningServedNeedsAJustificationAndASevenDayCaseItsPartiesNotified() {
        String id = stored(ACase.aCase().in(Queue.PROSECUTIONS).trigger(BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS));
        post(claim(id), null, sue);

        assertThat(post(act(id), Map.of("action", "REFERRED_FOR_PROSECUTION"), sue).statusCode()).isEqualTo(422);
        assertThat(post(act(id), Map.of("action", "REFERRED_FOR_PROSECUTION", "note", "absconded"), sue).statusCode())
                .isEqualTo(409);
        assertThat(post(act(id), Map.of("action", "PARTY_NOTIFIED", "party", "THE_PRESS"), sue).statusCode())
                .isEqualTo(422);
        for (String party : List.of("OFFENDER_MANAGER", "LEGAL_REPRESENTATIVE", "RETURNS_CASEWORKER")) {
            assertThat(post(act(id), Map.of("action", "PARTY_NOTIFIED", "party", party), sue).statusCode()).isEqualTo(200);
        }
        JsonNode referred = json(post(act(id), Map.of("action", "REFERRED_FOR_PROSECUTION", "note", "absconded"), sue));

        assertThat(referred.get("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.get("actions")).filteredOn(a -> a.get("action").asText().equals("PARTY_NOTIFIED"))
                .extracting(a -> a.get("party").asText())
                .containsExactly("OFFENDER_MANAGER", "LEGAL_REPRESENTATIVE", "RETURNS_CASEWORKER");
    }

    @Test
    void closingWithNoFurtherActionNeedsAReasonFromTheList() {
        String prosecution = stored(ACase.aCase().in(Queue.PROSECUTIONS));
        post(claim(prosecution), null, ann);
        assertThat(post(act(prosecution), Map.of("action", "NO_FURTHER_ACTION"), ann).statusCode())
                .as("a refusal by the state machine or the role comes before the missing reason").isEqualTo(403);
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        post(claim(id), null, ann);

        assertThat(post(act(id), Map.of("action", "NO_FURTHER_ACTION"), ann).statusCode()).isEqualTo(422);
        assertThat(post(act(id), Map.of("action", "NO_FURTHER_ACTION", "reason", "BORED"), ann).statusCode()).isEqualTo(422);
        assertThat(post(act(id), Map.of("action", "NO_FURTHER_ACTION", "reason", "OTHER"), ann).statusCode()).isEqualTo(422);
        assertThat(json(post(act(id), Map.of("action", "NO_FURTHER_ACTION"), ann)).get("type").asText())
                .endsWith("invalid-action-detail");
        JsonNode closed = json(post(act(id), Map.of("action", "NO_FURTHER_ACTION", "reason", "DEVICE_FAULT"), ann));

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcomeDetail").asText()).isEqualTo("DEVICE_FAULT");
        assertThat(closed.get("actions").get(0).get("reason").asText()).isEqualTo("DEVICE_FAULT");
    }

    @Test
    void contactAttemptsAndSafeguardingReferralsAreRecordedWithTheirDetailsAndCountedByMonth() {
        String id = stored(ACase.aCase().in(Queue.REVIEWS));
        post(claim(id), null, ann);
        Map<String, Object> call = new HashMap<>(Map.of("action", "CONTACT_ATTEMPTED", "method", "PHONE", "reached", false));

        JsonNode contacted = json(post(act(id), call, ann));
        assertThat(post(act(id), Map.of("action", "SAFEGUARDING_OUTCOME", "outcome", "NO_ACTION"), ann).statusCode())
                .isEqualTo(409);
        post(act(id), Map.of("action", "SAFEGUARDING_REFERRAL", "agency", "Adult social care"), ann);
        JsonNode answered = json(post(act(id), Map.of("action", "SAFEGUARDING_OUTCOME", "outcome", "ACTION_TAKEN"), ann));

        assertThat(contacted.get("status").asText()).isEqualTo("OPEN");
        assertThat(contacted.get("actions").get(0).get("method").asText()).isEqualTo("PHONE");
        assertThat(contacted.get("actions").get(0).get("reached").asBoolean()).isFalse();
        assertThat(answered.get("actions")).extracting(a -> a.get("action").asText())
                .containsExactly("CONTACT_ATTEMPTED", "SAFEGUARDING_REFERRAL", "SAFEGUARDING_OUTCOME");
        assertThat(answered.get("actions").get(1).get("agency").asText()).isEqualTo("Adult social care");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        JsonNode mi = getJson("/api/v1/mi/safeguarding?from=" + month + "&to=" + month, tokenFor(OPS)).get("rows");
        assertThat(mi).anySatisfy(r -> assertThat(r.get("action").asText()).isEqualTo("SAFEGUARDING_REFERRAL"));
        assertThat(mi).anySatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("ACTION_TAKEN"));
    }

    @Test
    void representationsReceivedForAPersonRaiseAReviewUnlessOneIsOpen() {
        String person = "S-" + UUID.randomUUID();
        String warning = stored(ACase.aCase().subject(person).in(Queue.WARNINGS));
        post(claim(warning), null, ann);

        post(act(warning), Map.of("action", "REPRESENTATIONS_RECEIVED", "note", "from the legal representative"), ann);
        post(act(warning), Map.of("action", "REPRESENTATIONS_RECEIVED", "note", "a second letter"), ann);

        List<JsonNode> reviews = items("/api/v1/cases?subjectId=" + person + "&queue=reviews", ann);
        assertThat(reviews).hasSize(1);
        assertThat(reviews.getFirst().get("trigger").asText()).isEqualTo("REPRESENTATIONS_RECEIVED");
        assertThat(reviews.getFirst().get("explanation").asText()).contains(warning);
        assertThat(getJson("/api/v1/cases/" + warning, ann).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aSeniorReassignsAndReleasesManyCasesAtOnceAndEachIsAudited() {
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = stored(ACase.aCase().in(Queue.WARNINGS));
            post(claim(id), null, ann);
            held.add(id);
        }
        String closed = stored(ACase.aCase().in(Queue.WARNINGS));
        post(claim(closed), null, ann);
        post(act(closed), Map.of("action", "NO_FURTHER_ACTION", "reason", "NOT_A_BREACH"), ann);
        List<String> all = new ArrayList<>(held);
        all.add(closed);

        assertThat(post("/api/v1/cases/bulk", Map.of("operation", "RELEASE", "caseIds", all), bob).statusCode())
                .isEqualTo(403);
        JsonNode reassigned = json(post("/api/v1/cases/bulk", Map.of("operation", "REASSIGN", "caseIds", all,
                "assignee", "bob"), sue));

        assertThat(reassigned.get("results")).filteredOn(r -> r.get("done").asBoolean())
                .extracting(r -> r.get("caseId").asText()).containsExactlyElementsOf(held);
        assertThat(reassigned.get("results").get(3).get("problem").asText()).contains("CLOSED");
        for (String id : held) {
            assertThat(getJson("/api/v1/cases/" + id, bob).get("assignee").asText()).isEqualTo("bob");
            assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'REASSIGNED' AND actor = 'sue'"
                    + " AND case_id = '" + id + "'")).isEqualTo(1);
        }

        json(post("/api/v1/cases/bulk", Map.of("operation", "RELEASE", "caseIds", held), sue));
        for (String id : held) {
            assertThat(getJson("/api/v1/cases/" + id, bob).get("assignee").isNull()).isTrue();
        }
        assertThat(post("/api/v1/cases/bulk", Map.of("operation", "SHRED", "caseIds", held), sue).statusCode())
                .isEqualTo(400);
    }

    private String stored(ACase c) {
        publish(c.build());
        awaitStored(c.caseId());
        return c.caseId();
    }

    private List<JsonNode> items(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        getJson(path, token).get("items").forEach(items::add);
        return items;
    }

    private List<String> ids(String path, String token) {
        return items(path, token).stream().map(i -> i.get("caseId").asText()).toList();
    }

    private static String claim(String id) {
        return "/api/v1/cases/" + id + "/claim";
    }

    private static String act(String id) {
        return "/api/v1/cases/" + id + "/actions";
    }
}
