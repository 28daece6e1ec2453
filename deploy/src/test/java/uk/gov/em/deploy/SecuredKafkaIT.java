package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.deploy.simulator.SignedRequests;
import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.EmbeddedKafkaBroker.ScramLogin;
import uk.gov.em.infra.KafkaTopics;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The three services on a broker run as production runs one: every client signs in with SASL/SCRAM as its
 * service's own principal, and {@code StandardAuthorizer} allows only the ACLs shipped in
 * {@code deploy/k8s/platform/users.yaml}. The whole pipeline still works, and a principal writing where it
 * may not is refused by the broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaIT {

    private static final Path USERS = Path.of(System.getProperty("user.dir"), "k8s", "platform", "users.yaml");
    private static final ScramLogin SUPER_USER = new ScramLogin("em-platform-admin", "admin-" + UUID.randomUUID());
    private static final String SUPPLIER = "ems-secured";
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final StackClient hub = new StackClient(SUPPLIER, SECRET);
    private final Map<String, ScramLogin> principals = new HashMap<>();
    private EmbeddedKafkaBroker broker;
    private ServiceStack stack;

    @BeforeAll
    void startTheServicesOnASecuredBroker() throws Exception {
        Path work = Files.createTempDirectory("em-secured-");
        broker = EmbeddedKafkaBroker.startSecured(work.resolve("kafka"), SUPER_USER);
        KafkaTopics.ensure(broker.bootstrapServers(), SUPER_USER.clientSettings(), KafkaTopics.productTopics(3));
        try (Admin admin = Admin.create(client(SUPER_USER))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (JsonNode user : shippedUsers()) {
                String name = user.path("metadata").path("name").asText();
                ScramLogin login = new ScramLogin(name, "pw-" + UUID.randomUUID());
                principals.put(name, login);
                users.add(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), login.password()));
                user.path("spec").path("authorization").path("acls").forEach(acl -> acls.addAll(bindings(name, acl)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(principals).containsOnlyKeys("em-supplier-gateway", "em-breach-streams", "em-hub-service");

        PostgresHarness.Database db = PostgresHarness.freshDatabase("secured");
        stack = ServiceStack.start(TestStacks.settings(work, broker.bootstrapServers(),
                db.jdbcUrl(), db.username(), db.password(), SUPPLIER + "=" + SECRET,
                "olive:olive-password:OPS|SENIOR_CASEWORKER", 1, 1),
                Map.of("supplier-gateway", environment(principals.get("em-supplier-gateway")),
                        "breach-streams", environment(principals.get("em-breach-streams")),
                        "hub-service", environment(principals.get("em-hub-service"))));
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSignedNotificationBecomesACaseWithEveryServiceSignedInAsItsOwnPrincipal() throws Exception {
        String subject = "S-" + UUID.randomUUID().toString().substring(0, 8);
        Notification tamper = new Notification("IT-" + UUID.randomUUID(), subject, "GPS-1", BreachType.STRAP_TAMPER,
                Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), null, null, null);
        HttpRequest post = SignedRequests.post(URI.create(stack.gatewayUrl() + "/api/v1/notifications"), SUPPLIER,
                SECRET, Json.toBytes(tamper), Instant.now());
        assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        String token = hub.login(stack.hubUrl(), "olive", "olive-password");
        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(hub.getJson(stack.hubUrl(), "/api/v1/cases?subjectId=" + subject, token).path("items")).hasSize(1));
    }

    @Test
    void theHubPublishesTheSubjectRegisterAsItsOwnPrincipal() throws Exception {
        String subject = "S-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest put = HttpRequest.newBuilder(URI.create(stack.hubUrl() + "/api/v1/subjects/" + subject))
                .header("Authorization", "Bearer " + hub.login(stack.hubUrl(), "olive", "olive-password")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"harmLevel\":\"HIGH\",\"vulnerable\":false,"
                        + "\"deviceType\":\"FITTED_GPS\",\"emStartDate\":\"2022-01-10\"}")).build();
        HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Map<String, Object> config = client(SUPER_USER);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(consumer.partitionsFor(Topics.SUBJECTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            List<String> keys = new ArrayList<>();
            await().atMost(PIPELINE).untilAsserted(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
                assertThat(keys).contains(subject);
            });
        }
    }

    @Test
    void theBrokerRefusesACaseWrittenByTheGatewaysPrincipal() {
        Map<String, Object> config = client(principals.get("em-supplier-gateway"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> forger = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> forger.send(new ProducerRecord<>(Topics.CASES, "S-1", "{\"forged\":true}"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theBrokerRefusesAClientWithoutTheRightPassword() {
        Map<String, Object> config = client(new ScramLogin("em-supplier-gateway", "not-the-password"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> stranger = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> stranger.send(new ProducerRecord<>(Topics.NOTIFICATIONS, "S-1", "{}"))
                    .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private Map<String, Object> client(ScramLogin login) {
        Map<String, Object> config = new HashMap<>(login.clientSettings());
        config.put("bootstrap.servers", broker.bootstrapServers());
        return config;
    }

    /** What a service's deployment sets: the cluster's security and its own principal's JAAS line. */
    private static Map<String, String> environment(ScramLogin login) {
        Map<String, Object> settings = login.clientSettings();
        return Map.of("KAFKA_SECURITY_PROTOCOL", settings.get("security.protocol").toString(),
                "KAFKA_SASL_MECHANISM", settings.get("sasl.mechanism").toString(),
                "KAFKA_SASL_JAAS_CONFIG", settings.get("sasl.jaas.config").toString());
    }

    private static List<JsonNode> shippedUsers() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> users = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(USERS.toFile())) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(users::add);
        }
        return users;
    }

    /** One Strimzi {@code simple} ACL entry as the broker's bindings for {@code User:<principal>}. */
    private static List<AclBinding> bindings(String principal, JsonNode acl) {
        JsonNode resource = acl.path("resource");
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("unknown resource type in " + acl);
        };
        PatternType pattern = resource.path("patternType").asText("literal").equals("prefix")
                ? PatternType.PREFIXED : PatternType.LITERAL;
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
        assertThat(acl.path("operations")).as(acl.toString()).isNotEmpty();
        List<AclBinding> operations = new ArrayList<>();
        for (JsonNode operation : acl.path("operations")) {
            operations.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, acl.path("host").asText("*"),
                            AclOperation.valueOf(operation.asText().replaceAll("([a-z])([A-Z])", "$1_$2")
                                    .toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
        }
        return operations;
    }

}
