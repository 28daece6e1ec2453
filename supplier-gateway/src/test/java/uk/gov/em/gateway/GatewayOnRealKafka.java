package uk.gov.em.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.testing.KafkaHarness;

import java.util.HashMap;
import java.util.Map;

/**
 * The setup the ingest integration tests share: the gateway started on the real broker of {@link KafkaHarness},
 * a {@link GatewayClient} to it, and the notifications topic read from its end, so each test sees what it
 * caused downstream. A subclass says only which suppliers (and other settings) its gateway has.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayOnRealKafka implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    protected GatewayClient gateway;
    protected NotificationsTopic topic;

    /** This test's gateway settings, such as {@code gateway.auth.secrets}; the broker is added to them. */
    protected abstract Map<String, String> gatewayProperties();

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(gatewayProperties());
        properties.put("kafka.bootstrap.servers", KafkaHarness.bootstrapServers());
        return properties;
    }

    @BeforeAll
    void connectToTheGatewayAndReadTheNotificationsTopicFromItsEnd() {
        gateway = new GatewayClient(server.getURL());
        topic = new NotificationsTopic(KafkaHarness.bootstrapServers());
    }

    @AfterAll
    void closeTheNotificationsTopic() {
        topic.close();
    }
}
