package uk.gov.em.gateway.ingest.web;

import org.junit.jupiter.api.Test;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.GatewayOnRealKafka;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.em.gateway.ProblemAssertions.assertProblem;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.minimal;

/**
 * With the real broker taken away, the gateway claims nothing: 503 with Retry-After, and /health DOWN. Once the
 * broker is back, the refused request sent again is accepted, and exactly one record of each notification reaches
 * the topic.
 *
 * <p>Why exactly one: the broker was down for the whole first attempt, so the producer never delivered it (an
 * expired batch is dropped, not sent later). The contract does not promise one record in general: had the
 * broker stored a record but its acknowledgement been lost, the gateway would answer 503 and the re-send would
 * write a second copy. That is why the contract says re-sending "has no further effect downstream" (breach-streams
 * de-duplicates by supplier and notificationId) rather than "is written once". The retry below is therefore
 * sent once the producer is known to be healthy again, not in a loop that could itself time out mid-write.
 */
class KafkaUnavailableIT extends GatewayOnRealKafka {

    private static final String SINGLE = "/api/v1/notifications";
    private static final String BATCH = "/api/v1/notifications/batch";
    private static final String SUPPLIER = "ems-test";
    private static final String SECRET = "it-secret-0123456789abcdef0123456789";

    @Override
    protected Map<String, String> gatewayProperties() {
        return Map.of(
                "gateway.auth.secrets", SUPPLIER + "=" + SECRET,
                "gateway.kafka.max-block-ms", "1000",
                "gateway.kafka.delivery-timeout-ms", "2000",
                "gateway.kafka.retry-after-seconds", "7",
                "gateway.kafka.health-timeout-ms", "1000");
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsDownAndAcceptsTheRetryExactlyOnceOnceItIsBack() {
        assertThat(post(SINGLE, single(uniqueId())).statusCode()).isEqualTo(202);
        String refusedId = uniqueId();

        KafkaHarness.stop();
        try {
            HttpResponse<String> refused = post(SINGLE, single(refusedId));

            assertUnavailable(refused);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(gateway.get("/health").statusCode()).isEqualTo(503));
        } finally {
            KafkaHarness.restart();
        }
        awaitHealthyAgain();

        assertThat(post(SINGLE, single(refusedId)).statusCode()).isEqualTo(202);
        assertExactlyOneRecordOfEach(List.of(refusedId));
    }

    @Test
    void refusesAWholeBatchWhileKafkaIsDownAndAcceptsItsRetryExactlyOnceOnceItIsBack() {
        List<String> ids = List.of(uniqueId(), uniqueId(), uniqueId());
        byte[] batch = BadRequestsIT.array(ids.stream().map(KafkaUnavailableIT::single).toArray(byte[][]::new));

        KafkaHarness.stop();
        try {
            assertUnavailable(post(BATCH, batch));
        } finally {
            KafkaHarness.restart();
        }
        awaitHealthyAgain();

        HttpResponse<String> retried = post(BATCH, batch);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(GatewayClient.json(retried).get("accepted").asInt()).isEqualTo(3);
        assertExactlyOneRecordOfEach(ids);
    }

    private void assertUnavailable(HttpResponse<String> refused) {
        assertProblem(refused, 503, "unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.body()).doesNotContain("\"accepted\"").doesNotContain("\"status\":\"accepted\"");
    }

    /** Health UP and a fresh notification accepted: the producer is writing again. */
    private void awaitHealthyAgain() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.get("/health").statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(post(SINGLE, single(uniqueId())).statusCode()).isEqualTo(202));
    }

    /**
     * All share one subject, so one partition: a sentinel written after them and read back proves that any
     * second copy would have been read by then.
     */
    private void assertExactlyOneRecordOfEach(List<String> ids) {
        String sentinel = uniqueId();
        assertThat(post(SINGLE, single(sentinel)).statusCode()).isEqualTo(202);
        topic.awaitRecords(ids);
        topic.awaitRecord(sentinel);
        ids.forEach(id -> assertThat(topic.recordsOf(id)).as(id).hasSize(1));
    }

    private HttpResponse<String> post(String path, byte[] body) {
        return gateway.send(gateway.signedPost(path, body, SUPPLIER, SECRET));
    }

    private static byte[] single(String id) {
        return minimal().with("notificationId", id).with("subjectId", "S-KU-1").bytes();
    }

    private static String uniqueId() {
        return "EMS-KU-" + UUID.randomUUID();
    }
}
