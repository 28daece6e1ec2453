package uk.gov.em.hub.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.NewestFirstKey;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.queue.domain.QueueOrderKey;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class QueuePaginationIT extends HubIntegrationTest {

    private static final int CASES = 41;
    private static final int PAGE = 6;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final HarmLevel[] HARMS = {HarmLevel.VERY_HIGH, HarmLevel.HIGH, null, HarmLevel.LOW, HarmLevel.MEDIUM};

    private final String subject = "subject-" + UUID.randomUUID();
    private final List<BreachCase> published = new ArrayList<>();
    private String token;

    @BeforeAll
    void fillTheReviewsQueue() {
        token = tokenFor(SENIOR);
        for (int i = 0; i < CASES; i++) {
            // few distinct values, so many cases tie on severity, harm and even openedAt: the case id decides
            published.add(ACase.aCase()
                    .id(String.format("page-case-%03d-%s", (i * 17) % CASES, UUID.randomUUID()))
                    .subject(subject)
                    .in(Queue.REVIEWS)
                    .severity(SEVERITIES[i % SEVERITIES.length])
                    .harm(HARMS[i % HARMS.length])
                    .openedAt(ACase.T0.plusSeconds(60L * (i % 3)))
                    .raisedAt(ACase.T0.plusSeconds(i % 7))
                    .build());
        }
        published.forEach(this::publish);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                getJson("/api/v1/cases?limit=200&subjectId=" + encode(subject), token).get("items").size() == CASES);
    }

    @Test
    void keysetPagesOfAQueueCoverEveryCaseExactlyOnceInPolicyOrder() {
        List<JsonNode> items = walk("/api/v1/queues/reviews?limit=" + PAGE);

        List<String> ids = items.stream().map(i -> i.get("caseId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(items.stream().map(QueuePaginationIT::queueKey).toList()).isSortedAccordingTo(QueueOrderKey.ORDER);
        List<String> expected = published.stream()
                .sorted(Comparator.comparing(c -> QueueOrderKey.of(c.severity(), c.harmLevel(), c.openedAt(), c.caseId()),
                        QueueOrderKey.ORDER))
                .map(BreachCase::caseId).toList();
        assertThat(ids.stream().filter(Set.copyOf(expected)::contains).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void keysetPagesOfTheCaseListingCoverEveryCaseExactlyOnceNewestFirst() {
        List<JsonNode> items = walk("/api/v1/cases?limit=" + PAGE + "&subjectId=" + encode(subject));

        List<String> expected = published.stream()
                .sorted(Comparator.comparing(c -> new NewestFirstKey(c.raisedAt(), c.caseId()), NewestFirstKey.ORDER))
                .map(BreachCase::caseId).toList();
        assertThat(items.stream().map(i -> i.get("caseId").asText()).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        JsonNode page = getJson("/api/v1/cases?limit=" + CASES + "&subjectId=" + encode(subject), token);

        assertThat(page.get("items")).hasSize(CASES);
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheCaseListing() {
        JsonNode matching = getJson("/api/v1/cases?limit=200&status=open&queue=reviews&subjectId=" + encode(subject)
                + "&trigger=CURFEW_MISSED_FULL", token);
        JsonNode otherTrigger = getJson("/api/v1/cases?limit=200&subjectId=" + encode(subject) + "&trigger=STRAP_TAMPER", token);

        assertThat(matching.get("items")).hasSize(CASES);
        assertThat(otherTrigger.get("items")).isEmpty();
    }

    @Test
    void aLimitAboveTheMaximumIsAProblem() {
        assertProblem(get("/api/v1/queues/reviews?limit=201", token), 400, "limit must be between 1 and 200");
        assertProblem(get("/api/v1/queues/reviews?limit=0", token), 400, "limit must be between 1 and 200");
    }

    @Test
    void aCursorThatIsNotOneOfOursIsAProblem() {
        String reviewsCursor = getJson("/api/v1/queues/reviews?limit=1", token).get("nextCursor").asText();

        assertProblem(get("/api/v1/queues/warnings?cursor=" + reviewsCursor, token), 400, "cursor");
        assertProblem(get("/api/v1/queues/reviews?cursor=not-a-cursor", token), 400, "cursor");
        assertProblem(get("/api/v1/cases?cursor=" + reviewsCursor, token), 400, "cursor");
    }

    @Test
    void anUnknownQueueIsNotFound() {
        HttpResponse<String> response = get("/api/v1/queues/complaints", token);

        assertProblem(response, 404, "there is no queue 'complaints'");
        assertThat(json(response).get("type").asText()).endsWith(":unknown-queue");
    }

    @Test
    void anUnknownStatusIsAProblem() {
        assertProblem(get("/api/v1/queues/reviews?status=pending", token), 400, "status must be one of");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertProblem(get("/api/v1/cases/no-such-case", token), 404, "no case has id 'no-such-case'");
    }

    @Test
    void theOpenCasesIndexAloneCanServeTheQueueDepthCounts() throws SQLException {
        String plan = planAtScale(CaseRepository.OPEN_DEPTHS.replace(":now", "now()"));

        assertThat(plan).contains("Index Only Scan using breach_case_open_by_due").doesNotContain("Seq Scan");
    }

    @Test
    void theDueOrderQueueIsASeekOnTheOpenCasesIndexReadInItsOrder() throws SQLException {
        String plan = planAtScale(CaseRepository.OPEN_BY_DUE.replace(":queue", "'reviews'").replace(":limit", "7"));

        assertThat(plan).contains("Index Scan using breach_case_open_by_due").doesNotContain("Sort");
    }

    /**
     * PostgreSQL's plan for {@code query} with fresh statistics and visibility and a sequential scan priced out, that
     * is, what an index can serve (on a few dozen rows a sequential scan is always the cheapest).
     */
    private String planAtScale(String query) throws SQLException {
        sql("VACUUM ANALYZE breach_case");
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private List<JsonNode> walk(String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = getJson(cursor == null ? firstPage : firstPage + "&cursor=" + encode(cursor), token);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(PAGE);
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            assertThat(++pages).as("pages walked").isLessThan(1000);
        } while (cursor != null);
        return items;
    }

    private static QueueOrderKey queueKey(JsonNode item) {
        String harm = item.get("harmLevel").isNull() ? null : item.get("harmLevel").asText();
        return QueueOrderKey.of(Severity.valueOf(item.get("severity").asText()),
                harm == null ? null : HarmLevel.valueOf(harm),
                Instant.parse(item.get("openedAt").asText()), item.get("caseId").asText());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailPart);
    }
}
