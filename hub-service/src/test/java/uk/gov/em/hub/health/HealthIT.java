package uk.gov.em.hub.health;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class HealthIT extends HubIntegrationTest {

    @Test
    void healthIsUpWithPostgresAndKafkaReachableAndDownWhileKafkaIsAway() {
        HttpResponse<String> up = get("/health", null);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");

        KafkaHarness.stop();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get("/health", null).statusCode() == 503);
        } finally {
            KafkaHarness.restart();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/health", null).statusCode() == 200);
    }
}
