package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.deploy.observability.MonitoredMetrics;
import uk.gov.em.deploy.simulator.PublishedBreachTable;
import uk.gov.em.deploy.simulator.SignedRequests;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.PostgresHarness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product end to end, on a real broker and a real PostgreSQL, with each service running from
 * its packaged jar as its own JVM, exactly as the local stack runs them: a supplier posts, a caseworker
 * finds the case in a queue, a manager's MI reproduces what was posted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeStackIT {

    /** The development supplier: its rate limit allows a back-fill of 10,000 notifications in batches. */
    private static final String SUPPLIER = "ems-dev";
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final StackClient hub = new StackClient(SUPPLIER, SECRET);
    private ServiceStack stack;

    @BeforeAll
    void startTheThreeServices() throws IOException {
        PostgresHarness.Database db = PostgresHarness.freshDatabase("skeleton");
        Path work = Files.createTempDirectory("em-skeleton-");
        stack = ServiceStack.start(TestStacks.settings(work, KafkaHarness.bootstrapServers(),
                db.jdbcUrl(), db.username(), db.password(), SUPPLIER + "=" + SECRET,
                "casey:casey-password:CASEWORKER;olive:olive-password:OPS", 1, 1));
    }

    @AfterAll
    void stopThem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSignedStrapTamperBecomesOneProsecutionCaseEvenWhenSentTwice() throws Exception {
        String subject = "S-" + UUID.randomUUID().toString().substring(0, 8);
        Notification tamper = notification(subject, BreachType.STRAP_TAMPER);

        assertThat(postSigned(tamper).statusCode()).isEqualTo(202);
        String token = hub.login(stack.hubUrl(), "casey", "casey-password");
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(caseIdsIn("/api/v1/queues/prosecutions?limit=200", token, subject)).hasSize(1));

        assertThat(postSigned(tamper).statusCode()).isEqualTo(202);
        // A later breach of the same person travels the same partition, so once it is a case the
        // duplicate before it has been fully processed too.
        Notification curfew = notification(subject, BreachType.CURFEW_MISSED_FULL);
        assertThat(postSigned(curfew).statusCode()).isEqualTo(202);
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(caseIdsIn("/api/v1/cases?subjectId=" + subject, token, subject)).hasSize(2));

        JsonNode cases = hub.getJson(stack.hubUrl(), "/api/v1/cases?subjectId=" + subject, token).path("items");
        List<String> triggers = new ArrayList<>();
        cases.forEach(c -> triggers.add(c.path("trigger").asText() + "→" + c.path("queue").asText()));
        assertThat(triggers).containsExactlyInAnyOrder("STRAP_TAMPER→prosecutions", "CURFEW_MISSED_FULL→warnings");
    }

    @Test
    void anUnsignedNotificationIsRefusedWith401() throws Exception {
        byte[] body = Json.toBytes(notification("S-unsigned", BreachType.STRAP_TAMPER));
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/notifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aQueueCallWithoutATokenIsRefusedWith401() throws Exception {
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(stack.hubUrl() + "/api/v1/queues/warnings")).build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void miReproducesThePublishedTableCellForCellAfterItsBreachesArePostedThroughTheGateway() throws Exception {
        PublishedBreachTable published = PublishedBreachTable.shipped();
        List<Notification> all = PublishedTableNotifications.of(published, UUID.randomUUID().toString().substring(0, 8));
        assertThat(all).hasSize(7131);
        for (int from = 0; from < all.size(); from += 1000) {
            HttpResponse<String> response = postSignedBatch(all.subList(from, Math.min(all.size(), from + 1000)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Json.mapper().readTree(response.body()).path("rejected")).isEmpty();
        }

        String token = hub.login(stack.hubUrl(), "olive", "olive-password");
        String range = "/api/v1/mi/breaches-by-type?from=2021-09&to=2022-02";
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() ->
                assertThat(foldIntoPublishedRows(hub.getJson(stack.hubUrl(), range, token))).isEqualTo(published.counts()));
    }

    /**
     * Every metric a Grafana panel or an alert rule queries is one the running services export, once traffic has
     * gone through: a notification becomes a case, a caseworker claims and acts on it, a supplier is refused.
     */
    @Test
    void everyMetricTheDashboardsAndAlertsQueryIsExportedByTheRunningServices() throws Exception {
        Map<String, Set<String>> used = MonitoredMetrics.usedIn(Path.of(System.getProperty("user.dir")).resolve("k8s/monitoring"));
        String subject = "S-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(postSigned(notification(subject, BreachType.CURFEW_MISSED_FULL)).statusCode()).isEqualTo(202);
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/notifications"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(unsigned, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        String token = hub.login(stack.hubUrl(), "casey", "casey-password");
        List<String> caseIds = new ArrayList<>();
        await().atMost(PIPELINE).untilAsserted(() -> {
            caseIds.clear();
            caseIds.addAll(caseIdsIn("/api/v1/cases?subjectId=" + subject, token, subject));
            assertThat(caseIds).hasSize(1);
        });
        assertThat(postWithToken("/api/v1/cases/" + caseIds.getFirst() + "/claim", "", token).statusCode()).isEqualTo(200);
        assertThat(postWithToken("/api/v1/cases/" + caseIds.getFirst() + "/actions",
                "{\"action\":\"WARNING_LETTER_SENT\"}", token).statusCode()).isEqualTo(200);

        Set<String> expected = new TreeSet<>(used.keySet());
        expected.removeAll(MonitoredMetrics.MADE_BY_PROMETHEUS);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exported = new TreeSet<>();
            for (String base : List.of(stack.gatewayUrl(), stack.streamsUrl(), stack.hubUrl())) {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(base).isEqualTo(200);
                exported.addAll(MonitoredMetrics.exported(page.body()));
            }
            Map<String, Set<String>> missing = new TreeMap<>(used);
            missing.keySet().retainAll(expected);
            missing.keySet().removeAll(exported);
            assertThat(missing).as("metrics queried by a dashboard or alert that no service exports").isEmpty();
        });
    }

    /** The hub answers by catalogue code; the published table folds every code but five into OTHER. */
    private static Map<String, Map<YearMonth, Integer>> foldIntoPublishedRows(JsonNode mi) {
        Map<String, Map<YearMonth, Integer>> rows = new TreeMap<>();
        for (JsonNode row : mi.path("rows")) {
            String category = BreachType.fromCode(row.path("type").asText()).orElseThrow().miCategory();
            rows.computeIfAbsent(category, c -> new TreeMap<>())
                    .merge(YearMonth.parse(row.path("month").asText()), row.path("count").asInt(), Integer::sum);
        }
        return rows;
    }

    private static Notification notification(String subject, BreachType type) {
        String id = "IT-" + UUID.randomUUID();
        return new Notification(id, subject, "GPS-1", type, Instant.now().minus(10, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS), null, null, null);
    }

    private HttpResponse<String> postSigned(Notification n) throws IOException, InterruptedException {
        return postSigned("/api/v1/notifications", Json.toBytes(n));
    }

    private HttpResponse<String> postSignedBatch(List<Notification> batch) throws IOException, InterruptedException {
        return postSigned("/api/v1/notifications/batch", Json.toBytes(batch));
    }

    private HttpResponse<String> postSigned(String path, byte[] json) throws IOException, InterruptedException {
        HttpRequest request = SignedRequests.post(URI.create(stack.gatewayUrl() + path), SUPPLIER, SECRET, json,
                Instant.now());
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithToken(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.hubUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<String> caseIdsIn(String path, String token, String subject) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : hub.getJson(stack.hubUrl(), path, token).path("items")) {
            if (item.path("subjectId").asText().equals(subject)) {
                ids.add(item.path("caseId").asText());
            }
        }
        return ids;
    }
}
