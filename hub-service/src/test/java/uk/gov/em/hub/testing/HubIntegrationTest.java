package uk.gov.em.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.contracts.json.JsonSerde;
import org.apache.kafka.clients.admin.NewTopic;
import uk.gov.em.infra.KafkaTopics;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
    public static final String ADMIN = "admin";
    /** The role the service connects as in tests: it owns nothing (Flyway migrates as the superuser). */
    public static final String APP_ROLE = "em_hub_app";
    public static final String APP_ROLE_PASSWORD = "em-hub-app-pw";
    public static final String PASSWORD_SUFFIX = "-pw:1";
    /** The audit chain's key: the service's, never the database's. */
    public static final String AUDIT_KEY = "integration-test-audit-key-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);
    private KafkaProducer<String, byte[]> producer;
    protected PostgresHarness.Database database;

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        database = PostgresHarness.freshDatabase(getClass().getSimpleName());
        createAppRole();
        Map<String, String> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", APP_ROLE,
                "datasources.default.password", APP_ROLE_PASSWORD,
                "flyway.datasources.default.url", database.jdbcUrl(),
                "flyway.datasources.default.user", database.username(),
                "flyway.datasources.default.password", database.password() == null ? "" : database.password(),
                "flyway.datasources.default.placeholders.approle", APP_ROLE,
                "micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET,
                "hub.security.bootstrap-users", user(CASEWORKER, "CASEWORKER") + ";"
                        + user(SENIOR, "SENIOR_CASEWORKER|CASEWORKER") + ";" + user(OPS, "OPS") + ";"
                        + user(ADMIN, "ADMIN")));
        properties.put("micronaut.server.port", "-1");
        properties.put("hub.ingest.retry-delay", "500ms");
        properties.put("hub.audit.key", AUDIT_KEY);
        properties.put("hub.audit.checkpoint-interval", "200ms");
        properties.put("hub.audit.checkpoint-topic", checkpointTopic());
        KafkaTopics.ensure(KafkaHarness.bootstrapServers(), List.of(new NewTopic(checkpointTopic(), 1, (short) 1)));
        properties.put("hub.metrics.queue-depth-refresh", "500ms");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Each test class's hub publishes its audit chain's head to its own topic: its database is its own too. */
    protected String checkpointTopic() {
        return "em.audit-checkpoints." + getClass().getSimpleName();
    }

    /** Properties a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    private void createAppRole() {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            // roles are cluster-wide and test classes may race: create once, tolerate "already exists"
            s.execute("DO $$ BEGIN CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_ROLE_PASSWORD + "';"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            s.execute("GRANT CONNECT ON DATABASE " + c.getCatalog() + " TO " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the application role", e);
        }
    }

    /** A connection to the test database as the superuser: behind the application's back. */
    protected Connection superuser() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** Runs one statement as the superuser. */
    protected void sql(String statement) {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + statement, e);
        }
    }

    /** Runs one statement as the service's own database role, which owns nothing. */
    protected void sqlAsApp(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), APP_ROLE, APP_ROLE_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The first column of the first row of a query run as the superuser. */
    protected long count(String query) {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + query, e);
        }
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

    /** Puts accepted notifications on em.breach-notifications, keyed by subject, and waits for all the acks. */
    protected void publishNotifications(Collection<ReceivedNotification> notifications) {
        JsonSerde<ReceivedNotification> notificationSerde = JsonSerde.of(ReceivedNotification.class);
        List<Future<?>> acks = new ArrayList<>();
        for (ReceivedNotification n : notifications) {
            acks.add(producer().send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.subjectId(),
                    notificationSerde.serialize(Topics.NOTIFICATIONS, n))));
        }
        try {
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + Topics.NOTIFICATIONS, e);
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

    /** Puts raw bytes with these headers on any topic under this key, and waits for the ack. */
    protected void sendTo(String topic, String key, byte[] value, Header... headers) {
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, List.of(headers))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * A token for any user name and roles, signed with the test secret as /login would sign it: for tests
     * that need many distinct people without creating each one.
     */
    protected static String tokenAs(String username, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(username)
                    .claim("roles", List.of(roles))
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                    .build());
            jwt.sign(new MACSigner(JWT_SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the hub has stored every one of these cases. */
    protected void awaitStored(String... caseIds) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM breach_case WHERE case_id IN ('" + String.join("','", caseIds) + "')")
                        == caseIds.length);
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

    /** POST a JSON body (or none when {@code body} is {@code null}) to {@code path} with this bearer token. */
    protected HttpResponse<String> post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    /** PUT a JSON body to {@code path} with this bearer token. */
    protected HttpResponse<String> put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json, */*;q=0.1")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.toText(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
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
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
