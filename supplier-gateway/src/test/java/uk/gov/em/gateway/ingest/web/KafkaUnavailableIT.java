package uk.gov.em.gateway.ingest.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.ingest.domain.NotificationJson;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the broker taken away, the gateway claims nothing: 503 with Retry-After, and /health DOWN. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaUnavailableIT implements TestPropertyProvider {

    private static final String PATH = "/api/v1/notifications";
    private static final String SUPPLIER = "ems-test";
    private static final String SECRET = "it-secret";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "gateway.auth.secrets", SUPPLIER + "=" + SECRET,
                "gateway.kafka.max-block-ms", "1000",
                "gateway.kafka.delivery-timeout-ms", "2000",
                "gateway.kafka.retry-after-seconds", "7",
                "gateway.kafka.health-timeout-ms", "1000");
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsDownAndAcceptsAgainOnceItIsBack() {
        GatewayClient gateway = new GatewayClient(server.getURL());
        assertThat(post(gateway).statusCode()).isEqualTo(202);

        KafkaHarness.stop();
        try {
            HttpResponse<String> refused = post(gateway);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("7");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(GatewayClient.json(refused).get("type").asText()).isEqualTo("https://em.example/problems/unavailable");
            assertThat(refused.body()).doesNotContain("accepted\"");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(gateway.get("/health").statusCode()).isEqualTo(503));
        } finally {
            KafkaHarness.restart();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.get("/health").statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(post(gateway).statusCode()).isEqualTo(202));
    }

    private static HttpResponse<String> post(GatewayClient gateway) {
        byte[] body = NotificationJson.minimal().with("notificationId", "EMS-IT-" + UUID.randomUUID()).bytes();
        return gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET));
    }
}
