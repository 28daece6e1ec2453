package uk.gov.em.hub.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class CaseWorkIT extends HubIntegrationTest {

    private static final int ROUNDS = 10;
    private static final int CLAIMERS = 12;

    private final String ann = tokenAs("ann", "CASEWORKER");
    private final String bob = tokenAs("bob", "CASEWORKER");
    private final String sue = tokenAs("sue", "SENIOR_CASEWORKER", "CASEWORKER");

    @Test
    void claimsRacedFromManyThreadsHaveExactlyOneWinnerEveryTime() throws Exception {
        List<BreachCase> cases = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            cases.add(ACase.aCase().in(Queue.WARNINGS).build());
        }
        cases.forEach(this::publish);
        awaitStored(cases.stream().map(BreachCase::caseId).toArray(String[]::new));

        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        try {
            for (BreachCase c : cases) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int t = 0; t < CLAIMERS; t++) {
                    String token = tokenAs("racer-" + t, "CASEWORKER");
                    answers.add(pool.submit(() -> {
                        start.await();
                        return post("/api/v1/cases/" + c.caseId() + "/claim", null, token).statusCode();
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    codes.add(answer.get());
                }

                assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
                assertThat(codes).filteredOn(code -> code == 409).hasSize(CLAIMERS - 1);
                assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CLAIMED' AND case_id = '"
                        + c.caseId() + "'")).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void someoneElsesClaimIsAConflictNamingTheHolder() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        assertThat(post(claim(id), null, ann).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = post(claim(id), null, bob);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused).get("detail").asText()).contains("held by ann");
    }

    @Test
    void aForgottenClaimReturnsToTheQueueWhenItsLeaseRunsOut() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        JsonNode claimed = json(post(claim(id), null, ann));
        assertThat(claimed.get("assignee").asText()).isEqualTo("ann");
        assertThat(claimed.get("claimExpiresAt").asText()).isNotBlank();

        sql("UPDATE breach_case SET claim_expires_at = now() - interval '1 second' WHERE case_id = '" + id + "'");

        assertThat(getJson("/api/v1/cases/" + id, ann).get("assignee").isNull()).isTrue();
        assertThat(post(claim(id), null, bob).statusCode()).isEqualTo(200);
        assertThat(post(act(id), Map.of("action", "NOTE"), ann).statusCode()).isEqualTo(409);
    }

    @Test
    void theHolderReleasesACaseAndAnotherMayThenClaimIt() {
        String id = stored(ACase.aCase().in(Queue.REVIEWS));
        post(claim(id), null, ann);

        assertThat(post(release(id), null, bob).statusCode()).isEqualTo(409);
        assertThat(post(release(id), null, ann).statusCode()).isEqualTo(200);
        assertThat(post(claim(id), null, bob).statusCode()).isEqualTo(200);
    }

    @Test
    void aWarningIsWorkedToClosedAndEveryStepIsInItsActionsAndAudit() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        post(claim(id), null, ann);

        assertThat(post(act(id), Map.of("action", "WARNING_LETTER_SENT", "note", "letter 42"), ann).statusCode()).isEqualTo(200);
        assertThat(post(act(id), Map.of("action", "MITIGATION_RECEIVED"), ann).statusCode()).isEqualTo(200);
        JsonNode closed = json(post(act(id), Map.of("action", "MITIGATION_ACCEPTED", "note", "the tag was faulty"), ann));

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("MITIGATION_ACCEPTED");
        assertThat(closed.get("actions")).extracting(a -> a.get("action").asText())
                .containsExactly("WARNING_LETTER_SENT", "MITIGATION_RECEIVED", "MITIGATION_ACCEPTED");
        assertThat(closed.get("actions").get(0).get("note").asText()).isEqualTo("letter 42");
        assertThat(closed.get("audit")).extracting(a -> a.get("action").asText()).containsExactly("CASE_RAISED",
                "CLAIMED", "ACTION_WARNING_LETTER_SENT", "ACTION_MITIGATION_RECEIVED", "ACTION_MITIGATION_ACCEPTED");
        assertThat(closed.get("audit").get(1).get("actor").asText()).isEqualTo("ann");
        assertThat(ids("/api/v1/queues/warnings?limit=200")).doesNotContain(id);
        assertThat(ids("/api/v1/queues/warnings?status=closed&limit=200")).contains(id);
    }

    @Test
    void onlyTheHolderActs() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        assertThat(post(act(id), Map.of("action", "NOTE"), ann).statusCode()).isEqualTo(409);
        post(claim(id), null, ann);

        HttpResponse<String> notHolder = post(act(id), Map.of("action", "NOTE"), bob);

        assertThat(notHolder.statusCode()).isEqualTo(409);
        assertThat(json(notHolder).get("detail").asText()).contains("only the holder acts");
    }

    @Test
    void anActionTheStateMachineDoesNotAllowIsAConflictWithTheReason() {
        String id = stored(ACase.aCase().in(Queue.WARNINGS));
        post(claim(id), null, ann);

        HttpResponse<String> refused = post(act(id), Map.of("action", "REVIEW_COMPLETED"), ann);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asText()).contains("REVIEW_COMPLETED is not allowed", "allowed now");
    }

    @Test
    void referringForProsecutionNeedsASeniorCaseworker() {
        String id = stored(ACase.aCase().in(Queue.PROSECUTIONS));
        post(claim(id), null, ann);
        assertThat(post(act(id), Map.of("action", "REFERRED_FOR_PROSECUTION"), ann).statusCode()).isEqualTo(403);
        post(release(id), null, ann);
        post(claim(id), null, sue);

        JsonNode referred = json(post(act(id), Map.of("action", "REFERRED_FOR_PROSECUTION",
                "note", "fourth breach in 90 days"), sue));

        assertThat(referred.get("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.get("lastDayToStartProsecution").asText()).isEqualTo("2022-08-03");
    }

    @Test
    void anUnknownActionIsABadRequest() {
        String id = stored(ACase.aCase());
        post(claim(id), null, ann);

        assertThat(post(act(id), Map.of("action", "SHRUG"), ann).statusCode()).isEqualTo(400);
    }

    @Test
    void aWithdrawalOfAnUntouchedCaseClosesItButOfAWorkedCaseFlagsItToItsAssignee() {
        ACase untouched = ACase.aCase().in(Queue.WARNINGS);
        ACase worked = ACase.aCase().in(Queue.WARNINGS);
        stored(untouched);
        stored(worked);
        post(claim(worked.caseId()), null, ann);
        post(act(worked.caseId()), Map.of("action", "WARNING_LETTER_SENT"), ann);

        publish(untouched.withdrawal("late data"), worked.withdrawal("late data"));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                getJson("/api/v1/cases/" + worked.caseId(), ann).get("withdrawalFlagged").asBoolean());
        JsonNode flagged = getJson("/api/v1/cases/" + worked.caseId(), ann);
        assertThat(flagged.get("status").asText()).isEqualTo("WARNING_SENT");
        assertThat(flagged.get("assignee").asText()).isEqualTo("ann");
        assertThat(flagged.get("withdrawal").get("reason").asText()).isEqualTo("late data");
        assertThat(getJson("/api/v1/cases/" + untouched.caseId(), ann).get("status").asText()).isEqualTo("WITHDRAWN");

        JsonNode acknowledged = json(post(act(worked.caseId()), Map.of("action", "WITHDRAWAL_ACKNOWLEDGED"), ann));
        assertThat(acknowledged.get("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theAuditChainVerifiesAndDetectsARowAlteredBehindTheApplicationsBack() {
        String id = stored(ACase.aCase());
        post(claim(id), null, ann);
        post(act(id), Map.of("action", "NOTE", "note", "spoke to the person"), ann);
        String ops = tokenFor(OPS);
        assertThat(getJson("/api/v1/audit/verify", ops).get("ok").asBoolean()).isTrue();

        long seq = count("SELECT seq FROM audit_event WHERE action = 'ACTION_NOTE' AND case_id = '" + id + "'");
        // the superuser can switch the append-only trigger off for its session; the chain still tells
        sql("SET session_replication_role = replica; UPDATE audit_event SET actor = 'bob' WHERE seq = " + seq);

        JsonNode report = getJson("/api/v1/audit/verify", ops);
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("firstBrokenSeq").asLong()).isEqualTo(seq);
    }

    @Test
    void theApplicationsDatabaseRoleCannotUpdateOrDeleteTheAuditTrail() throws SQLException {
        stored(ACase.aCase());
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), APP_ROLE, APP_ROLE_PASSWORD);
             Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'x'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            assertThat(s.executeQuery("SELECT count(*) FROM audit_event").next()).isTrue();
        }
    }

    @Test
    void evenTheOwnerCannotUpdateTheAuditTrailWithoutSwitchingOffItsTrigger() {
        stored(ACase.aCase());

        assertThatThrownBy(() -> sql("UPDATE audit_event SET actor = 'x'"))
                .rootCause().hasMessageContaining("audit_event is append-only: UPDATE refused");
    }

    @Test
    void backlogOutcomesAndMetricsCountTheWorkDone() {
        String open = stored(ACase.aCase().in(Queue.PROSECUTIONS));
        String closed = stored(ACase.aCase().in(Queue.PROSECUTIONS));
        post(claim(closed), null, sue);
        post(act(closed), Map.of("action", "NO_FURTHER_ACTION", "reason", "SUPPLIER_ERROR"), sue);
        String ops = tokenFor(OPS);

        JsonNode prosecutions = null;
        for (JsonNode q : getJson("/api/v1/mi/backlog", ops).get("queues")) {
            if (q.get("queue").asText().equals("prosecutions")) {
                prosecutions = q;
            }
        }
        assertThat(prosecutions).isNotNull();
        assertThat(prosecutions.get("open").asLong()).isEqualTo(count(
                "SELECT count(*) FROM breach_case WHERE queue = 'prosecutions' AND lane = 'OPEN'")).isPositive();
        assertThat(prosecutions.get("unallocated").asLong()).isEqualTo(count(
                "SELECT count(*) FROM breach_case WHERE queue = 'prosecutions' AND lane = 'OPEN'"
                        + " AND (assignee IS NULL OR claim_expires_at <= now())"));
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        JsonNode outcomes = getJson("/api/v1/mi/outcomes?from=" + month + "&to=" + month, ops).get("rows");
        assertThat(outcomes).anySatisfy(r -> {
            assertThat(r.get("queue").asText()).isEqualTo("prosecutions");
            assertThat(r.get("outcome").asText()).isEqualTo("NO_FURTHER_ACTION");
            assertThat(r.get("reason").asText()).isEqualTo("SUPPLIER_ERROR");
            assertThat(r.get("count").asLong()).isPositive();
        });
        assertThat(open).isNotBlank();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/prometheus", null).body()).contains(
                "em_hub_case_actions_total{action=\"NO_FURTHER_ACTION\",queue=\"prosecutions\"}",
                "em_hub_case_ingest_lag_seconds_bucket",
                "em_hub_queue_oldest_unallocated_age_seconds{queue=\"prosecutions\"}",
                "em_hub_queue_unallocated{queue=\"prosecutions\"}",
                "em_hub_queue_overdue{queue=\"prosecutions\"}"));
    }

    private String stored(ACase c) {
        publish(c.build());
        awaitStored(c.caseId());
        return c.caseId();
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        getJson(path, ann).get("items").forEach(i -> ids.add(i.get("caseId").asText()));
        return ids;
    }

    private static String claim(String id) {
        return "/api/v1/cases/" + id + "/claim";
    }

    private static String release(String id) {
        return "/api/v1/cases/" + id + "/release";
    }

    private static String act(String id) {
        return "/api/v1/cases/" + id + "/actions";
    }
}
