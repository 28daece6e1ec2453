package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.deploy.local.ServiceProcess;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.PostgresHarness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack as a platform runs it: every service supervised (a JVM killed with {@code kill -9} is started
 * again and answers {@code /health}), and two instances each of the hub and the stream processor sharing
 * their consumer groups, so that losing one instance loses no case and two hubs agree on every case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisedStackIT {

    private static final String SUPPLIER = "ems-dev";
    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    private final StackClient client = new StackClient(SUPPLIER, SECRET);
    private ServiceStack stack;

    @BeforeAll
    void startTwoHubsAndTwoStreamProcessors() throws IOException {
        PostgresHarness.Database db = PostgresHarness.freshDatabase("supervised");
        Path work = Files.createTempDirectory("em-supervised-");
        stack = ServiceStack.start(TestStacks.settings(work, KafkaHarness.bootstrapServers(),
                db.jdbcUrl(), db.username(), db.password(), SUPPLIER + "=" + SECRET,
                "casey:casey-password:CASEWORKER;carla:carla-password:CASEWORKER", 2, 2));
    }

    @AfterAll
    void stopThem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aGatewayKilledWithSignalNineIsStartedAgainAndAnswersHealth() throws Exception {
        ServiceProcess gateway = stack.service(ServiceStack.GATEWAY);
        long before = gateway.pid();

        gateway.kill();

        await().atMost(RECOVERY).until(() -> gateway.recoveries().size() == 1);
        assertThat(gateway.pid()).isNotEqualTo(before);
        assertThat(gateway.recoveries().getFirst().exitCode()).isEqualTo(137);
        assertThat(client.health(gateway.baseUrl())).isEqualTo(200);
        assertThat(client.post(gateway.baseUrl(), tamper("S-after-restart-" + UUID.randomUUID())).statusCode()).isEqualTo(202);
    }

    @Test
    void twoStreamInstancesShareThePartitionsAndKillingOneUnderLoadLosesAndDoublesNoCase() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()))) {
            await().atMost(PIPELINE).until(() -> admin.describeConsumerGroups(List.of("em-breach-streams"))
                    .all().get(10, TimeUnit.SECONDS).get("em-breach-streams").members().size() == 2);
        }
        ServiceProcess first = stack.instances(ServiceStack.STREAMS).getFirst();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String subject = "S-" + run + "-" + i;
            subjects.add(subject);
            assertThat(client.post(stack.gatewayUrl(), tamper(subject)).statusCode()).isEqualTo(202);
            if (i == 10) {
                first.kill();
            }
        }

        String token = client.login(stack.hubUrl(), "casey", "casey-password");
        await().atMost(PIPELINE).untilAsserted(() -> {
            for (String subject : subjects) {
                assertThat(casesOf(stack.hubUrl(), subject, token)).as(subject).hasSize(1);
            }
        });
        await().atMost(RECOVERY).until(() -> first.recoveries().size() == 1);
    }

    @Test
    void aStreamInstanceJoiningAndAnotherLeavingGracefullyUnderLoadLoseAndDoubleNoCase() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String subject = "S-J-" + run + "-" + i;
            subjects.add(subject);
            assertThat(client.post(stack.gatewayUrl(), tamper(subject)).statusCode()).isEqualTo(202);
            if (i == 5) {
                stack.startInstance(ServiceStack.STREAMS, 3);
            }
            if (i == 15) {
                stack.instances(ServiceStack.STREAMS).get(1).close();
            }
        }

        String token = client.login(stack.hubUrl(), "casey", "casey-password");
        await().atMost(PIPELINE).untilAsserted(() -> {
            for (String subject : subjects) {
                assertThat(casesOf(stack.hubUrl(), subject, token)).as(subject).hasSize(1);
            }
        });
    }

    @Test
    void twoHubInstancesStoreACaseOnceAndAgreeOnWhoHoldsIt() throws Exception {
        String subject = "S-two-hubs-" + UUID.randomUUID();
        assertThat(client.post(stack.gatewayUrl(), tamper(subject)).statusCode()).isEqualTo(202);
        List<ServiceProcess> hubs = stack.instances(ServiceStack.HUB);
        assertThat(hubs).hasSize(2);
        String one = hubs.get(0).baseUrl();
        String two = hubs.get(1).baseUrl();
        String casey = client.login(one, "casey", "casey-password");
        String carla = client.login(two, "carla", "carla-password");
        await().atMost(PIPELINE).untilAsserted(() -> {
            assertThat(casesOf(one, subject, casey)).hasSize(1);
            assertThat(casesOf(two, subject, carla)).hasSize(1);
        });
        String caseId = casesOf(one, subject, casey).getFirst();

        assertThat(client.postEmpty(one, "/api/v1/cases/" + caseId + "/claim", casey).statusCode()).isEqualTo(200);

        assertThat(client.postEmpty(two, "/api/v1/cases/" + caseId + "/claim", carla).statusCode()).isEqualTo(409);
        assertThat(client.getJson(two, "/api/v1/cases/" + caseId, carla).path("assignee").asText()).isEqualTo("casey");
    }

    private List<String> casesOf(String hubUrl, String subject, String token) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : client.getJson(hubUrl, "/api/v1/cases?subjectId=" + subject, token).path("items")) {
            ids.add(item.path("caseId").asText());
        }
        return ids;
    }

    private static Notification tamper(String subject) {
        return new Notification("IT-" + UUID.randomUUID(), subject, "GPS-1", BreachType.STRAP_TAMPER,
                Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), null, null, null);
    }
}
