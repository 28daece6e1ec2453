package uk.gov.em.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.PostgresHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The common ground of the hub's integration tests: the real broker and a fresh real PostgreSQL
 * database for each test class, development users, and small helpers to put case events on
 * {@code em.breach-cases} and call the API as a client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HubIntegrationTest implements TestPropertyProvider {

    public static final String JWT_SECRET = "integration-test-secret-that-is-long-enough-0123456789";
    public static final String CASEWORKER = "caseworker";
    public static final String SENIOR = "senior";
    public static final String OPS = "ops";
    public static final String PASSWORD_SUFFIX = "-pw:1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);
    private KafkaProducer<String, byte[]> producer;
    protected PostgresHarness.Database database;

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        database = PostgresHarness.freshDatabase(getClass().getSimpleName());
        return Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password() == null ? "" : database.password(),
                "micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET,
                "hub.security.bootstrap-users", user(CASEWORKER, "CASEWORKER") + ";"
                        + user(SENIOR, "SENIOR_CASEWORKER|CASEWORKER") + ";" + user(OPS, "OPS"),
                "hub.ingest.retry-delay", "500ms",
                "hub.metrics.queue-depth-refresh", "500ms");
    }

    private static String user(String name, String roles) {
        return name + ":" + name + PASSWORD_SUFFIX + ":" + roles;
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    /** Puts case events on em.breach-cases, keyed by subject as breach-streams does, and waits for the acks. */
    protected void publish(CaseEvent... events) {
        for (CaseEvent event : events) {
            send(event.subjectId(), serde.serialize(Topics.CASES, event));
        }
    }

    /** Puts raw bytes on em.breach-cases under this key. */
    protected void send(String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(Topics.CASES, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + Topics.CASES, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The bearer token of a development user. */
    protected String tokenFor(String username) {
        HttpResponse<String> response = login(username, username + PASSWORD_SUFFIX);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + username + " failed: " + response.statusCode());
        }
        return json(response).get("access_token").asText();
    }

    protected HttpResponse<String> login(String username, String password) {
        String body = Json.toText(Map.of("username", username, "password", password));
        return exchange(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** GET {@code path} with this bearer token ({@code null} for none). */
    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, */*;q=0.1").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    /** GET {@code path} as this token and read the JSON body, failing unless the answer is 200. */
    protected JsonNode getJson(String path, String token) {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
