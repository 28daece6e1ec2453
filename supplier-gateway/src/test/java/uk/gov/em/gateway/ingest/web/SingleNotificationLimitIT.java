package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-notification limit holds on its own route even when the server admits larger bodies
 * (as it must once batches of up to 8 MiB arrive).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleNotificationLimitIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "gateway.auth.secrets", "ems-test=it-secret-0123456789abcdef0123456789",
                "micronaut.server.max-request-size", Integer.toString(8 * 1024 * 1024));
    }

    @Test
    void refusesASingleNotificationOverSixtyFourKibibytesThatTheServerWouldAdmit() {
        GatewayClient gateway = new GatewayClient(server.getURL());
        byte[] body = NotificationJson.minimal().with("deviceId", "x".repeat(70_000)).bytes();

        HttpResponse<String> response = gateway.send(
                gateway.signedPost("/api/v1/notifications", body, "ems-test", "it-secret-0123456789abcdef0123456789"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = GatewayClient.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://em.example/problems/body-too-large");
        assertThat(problem.get("detail").asText()).contains("65536");
    }
}
