package uk.gov.em.gateway;

import org.junit.jupiter.api.Test;
import uk.gov.em.infra.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENDPOINTS_ALL_PORT} moves {@code /health} and {@code /prometheus} to a management port of their own,
 * so a deployment can keep metrics off the port suppliers reach: there they answer, on the supplier port
 * they do not.
 */
class ManagementPortIT extends GatewayOnRealKafka {

    private final int managementPort = FreePorts.pick();

    @Override
    protected Map<String, String> gatewayProperties() {
        return Map.of("endpoints.all.port", Integer.toString(managementPort));
    }

    @Test
    void healthAndPrometheusAnswerOnTheManagementPortAndNotOnTheSupplierPort() throws IOException, InterruptedException {
        assertThat(managementStatus("/prometheus")).isEqualTo(200);
        assertThat(managementStatus("/health")).isEqualTo(200);
        assertThat(gateway.get("/prometheus").statusCode()).isEqualTo(404);
    }

    private int managementStatus(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
