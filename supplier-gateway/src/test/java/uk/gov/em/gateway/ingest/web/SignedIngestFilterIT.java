package uk.gov.em.gateway.ingest.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.ingest.domain.NotificationJson;
import uk.gov.em.testing.KafkaHarness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SignedIngestFilter} on its own: with a stand-in in place of the single-notification controller, an
 * unsigned request is refused before any controller runs, and a signed one reaches the controller carrying its
 * authenticated supplier and the bytes exactly as signed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedIngestFilterIT implements TestPropertyProvider {

    private static final String SECRET = "it-secret-0123456789abcdef0123456789";

    @Inject
    EmbeddedServer server;

    @Inject
    StandInController controller;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "gateway.auth.secrets", "ems-test=" + SECRET,
                "signed-ingest-filter-it.stand-in", "true");
    }

    @Test
    void refusesAnUnsignedNotificationBeforeAnyControllerRuns() {
        GatewayClient gateway = new GatewayClient(server.getURL());
        byte[] body = NotificationJson.minimal().bytes();

        var response = gateway.send(gateway.post(SignedIngestFilter.SINGLE, body).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(GatewayClient.json(response).get("type").asText())
                .isEqualTo("https://em.example/problems/unauthenticated");
        assertThat(controller.received).isEmpty();
    }

    @Test
    void handsASignedNotificationToTheControllerWithItsSupplierAndRawBytes() {
        GatewayClient gateway = new GatewayClient(server.getURL());
        byte[] body = NotificationJson.minimal().with("notificationId", "EMS-FILTER-IT-1").bytes();

        var response = gateway.send(gateway.signedPost(SignedIngestFilter.SINGLE, body, "ems-test", SECRET));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(controller.received).anySatisfy(signed -> {
            assertThat(signed.supplier()).isEqualTo("ems-test");
            assertThat(signed.raw()).isEqualTo(body);
            assertThat(signed.form()).isEqualTo(BatchContentType.JSON);
        });
    }

    /** Stands in for {@link NotificationController}, recording what the filter let through. */
    @Controller(SignedIngestFilter.SINGLE)
    @Replaces(NotificationController.class)
    @Requires(property = "signed-ingest-filter-it.stand-in", value = "true")
    static class StandInController {

        final List<SignedBody> received = new CopyOnWriteArrayList<>();

        @Post(consumes = MediaType.ALL)
        HttpResponse<?> ingest(@RequestAttribute(SignedBody.ATTRIBUTE) SignedBody signed) {
            received.add(signed);
            return HttpResponse.noContent();
        }
    }
}
