package uk.gov.em.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.deploy.local.ServiceProcess;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.infra.EmbeddedPostgresServer;
import uk.gov.em.infra.FreePorts;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product's central promise at the level of processes: a 2xx means the notification becomes exactly the
 * cases the policy says, whatever crashes. Under a steady load of signed notifications (singles and batches,
 * many people, battery episodes making ABVs and late ones moving them), each of the three services is killed
 * with {@code kill -9} three times at random moments and the broker and PostgreSQL are each restarted once;
 * the supplier retries what was not acknowledged. Afterwards every acknowledged notification is stored in the
 * hub, the cases in force in the hub are exactly those an uninterrupted run of the stream processor makes
 * from the same input (a fresh instance under another application id, reading the same topic from the
 * start), no case is stored twice, and the audit chain verifies.
 *
 * <p>PostgreSQL is one of this test's own (the shared harness's cannot be restarted); the broker is the
 * harness's, stopped and started again in place. {@code -Dem.crash.kills=N} kills each service N times
 * (default 3) for a longer run; the figures are logged as one {@code CRASH MATRIX} line.
 */
class CrashMatrixIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashMatrixIT.class);
    private static final String SUPPLIER = "ems-dev";
    private static final String SECRET = "crash-secret-" + UUID.randomUUID();
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration SETTLE = Duration.ofMinutes(4);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final long seed = Long.getLong("em.crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final StackClient client = new StackClient(SUPPLIER, SECRET);

    @Test
    void killingEveryServiceThreeTimesAndRestartingTheBrokerAndPostgresUnderLoadLosesAndDoublesNothing() throws Exception {
        int kills = Integer.getInteger("em.crash.kills", 3);
        Path work = Files.createTempDirectory("em-crash-");
        int postgresPort = FreePorts.pick();
        EmbeddedPostgresServer[] postgres = {EmbeddedPostgresServer.start(work.resolve("postgres"), postgresPort)};
        String jdbcUrl = postgres[0].ensureDatabase("em_hub", "em_hub");
        ServiceStack stack = null;
        SupplierLoad load = null;
        try {
            stack = ServiceStack.start(new ServiceStack.Settings(
                    Path.of(System.getProperty("em.jar.gateway")), Path.of(System.getProperty("em.jar.streams")),
                    Path.of(System.getProperty("em.jar.hub")),
                    FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                    KafkaHarness.bootstrapServers(), jdbcUrl, "em_hub", "em_hub", null,
                    SUPPLIER + "=" + SECRET, "olive:olive-password:OPS", "crash-jwt-secret-" + UUID.randomUUID(),
                    work.resolve("streams-state"), work.resolve("logs")));
            ServiceStack services = stack;
            load = new SupplierLoad(client, services::gatewayUrl, run, seed);
            load.start(Duration.ofMillis(150));

            // The disruptions, in a random order, each after a random number of further acknowledgements.
            List<String> disruptions = new ArrayList<>();
            for (int i = 0; i < kills; i++) {
                disruptions.addAll(List.of(ServiceStack.HUB, ServiceStack.GATEWAY, ServiceStack.STREAMS));
            }
            disruptions.addAll(List.of("kafka", "postgres"));
            Collections.shuffle(disruptions, random);
            Map<String, Duration> outages = new LinkedHashMap<>();
            for (String disruption : disruptions) {
                int before = load.acknowledged().size();
                int more = 40 + random.nextInt(160);
                SupplierLoad flowing = load;
                await().atMost(RECOVERY).until(() -> flowing.acknowledged().size() >= before + more);
                switch (disruption) {
                    case "kafka" -> {
                        Instant stopped = Instant.now();
                        KafkaHarness.stop();
                        KafkaHarness.restart();
                        outages.put("kafka", Duration.between(stopped, Instant.now()));
                    }
                    case "postgres" -> {
                        Instant stopped = Instant.now();
                        postgres[0].close();
                        postgres[0] = EmbeddedPostgresServer.start(work.resolve("postgres"), postgresPort);
                        outages.put("postgres", Duration.between(stopped, Instant.now()));
                    }
                    default -> {
                        ServiceProcess victim = services.service(disruption);
                        int recovered = victim.recoveries().size();
                        victim.kill();
                        await().atMost(RECOVERY).until(() -> victim.recoveries().size() > recovered);
                    }
                }
                LOG.info("crash matrix: {} done", disruption);
            }

            load.stopPlanning();
            SupplierLoad finishing = load;
            await().atMost(SETTLE).until(finishing::drained);
            Set<String> acknowledged = load.acknowledged();
            assertThat(load.rejected()).as("notifications the gateway refused").isEmpty();

            String prefix = load.subjectPrefix();
            await().atMost(SETTLE).ignoreExceptions()
                    .until(() -> storedNotifications(postgres[0], prefix).containsAll(acknowledged));
            awaitCaughtUp("em-breach-streams", Topics.NOTIFICATIONS);
            awaitCaughtUp("em-hub-cases", Topics.CASES);
            Set<String> inForceAtHub = casesInForceAtHub(postgres[0], prefix);
            Map<String, Long> endOfCrashRun = endOffsets(Topics.CASES);
            Set<String> committedByCrashRun = inForce(readCases(Map.of(), endOfCrashRun, prefix));
            services.service(ServiceStack.STREAMS).close();

            // The same input through a fresh, uninterrupted stream processor.
            String referenceId = "em-crash-reference-" + run;
            Map<String, Long> referenceEnd;
            try (ServiceProcess reference = ServiceProcess.start("breach-streams-reference",
                    Path.of(System.getProperty("em.jar.streams")), FreePorts.pick(), Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", KafkaHarness.bootstrapServers(),
                            "STREAMS_APPLICATION_ID", referenceId,
                            "EM_STREAMS_STATE_DIR", work.resolve("reference-state").toString()), work.resolve("logs"))) {
                reference.awaitHealthy(RECOVERY);
                awaitCaughtUp(referenceId, Topics.NOTIFICATIONS);
                referenceEnd = endOffsets(Topics.CASES);
            }
            Set<String> reference = inForce(readCases(endOfCrashRun, referenceEnd, prefix));

            Set<String> stored = storedNotifications(postgres[0], prefix);
            Set<String> lost = new TreeSet<>(acknowledged);
            lost.removeAll(stored);
            Set<String> doubled = new TreeSet<>(inForceAtHub);
            doubled.removeAll(reference);
            Set<String> missing = new TreeSet<>(reference);
            missing.removeAll(inForceAtHub);
            String token = client.login(services.hubUrl(), "olive", "olive-password");
            boolean auditVerifies = client.getJson(services.hubUrl(), "/api/v1/audit/verify", token).path("ok").asBoolean();
            LOG.info("CRASH MATRIX seed={} acknowledged={} failedAttempts={} lost={} casesInForce={} reference={} "
                            + "extraCases={} missingCases={} sameCaseTwice={} auditVerifies={} recoveries(s) {} outages(s) {}",
                    seed, acknowledged.size(), load.failedAttempts(), lost.size(), inForceAtHub.size(), reference.size(),
                    doubled.size(), missing.size(), caseIdsStoredTwice(postgres[0], prefix), auditVerifies,
                    recoveries(services), outages.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().toMillis() / 1000.0).toList());

            assertThat(lost).as("acknowledged notifications the hub does not have").isEmpty();
            assertThat(inForceAtHub).as("cases in force at the hub vs an uninterrupted run").isEqualTo(reference);
            assertThat(committedByCrashRun).as("cases in force on em.breach-cases vs an uninterrupted run").isEqualTo(reference);
            assertThat(reference).as("the load made ABVs, moved them and climbed the ladder")
                    .hasSizeGreaterThanOrEqualTo(acknowledged.size() / 2);
            assertThat(caseIdsStoredTwice(postgres[0], prefix)).isZero();
            assertThat(auditVerifies).isTrue();
            for (String service : List.of(ServiceStack.HUB, ServiceStack.GATEWAY, ServiceStack.STREAMS)) {
                assertThat(services.service(service).recoveries()).as(service).hasSize(kills);
            }
        } finally {
            if (load != null) {
                load.close();
            }
            if (stack != null) {
                stack.close();
            }
            postgres[0].close();
        }
    }

    private static String recoveries(ServiceStack services) {
        return List.of(ServiceStack.HUB, ServiceStack.GATEWAY, ServiceStack.STREAMS).stream()
                .map(s -> s + "=" + services.service(s).recoveries().stream()
                        .map(r -> Double.toString(r.toHealthy().toMillis() / 1000.0)).toList())
                .collect(Collectors.joining(" "));
    }

    /** Waits until {@code group} has committed offsets at the end of every partition of {@code topic}. */
    private static void awaitCaughtUp(String group, String topic) {
        try (Admin admin = admin()) {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<String, Long> end = endOffsets(topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return end.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata at = committed.get(partition(e.getKey()));
                    // under exactly-once the last offset can be a transaction marker nobody consumes
                    return e.getValue() == 0 || (at != null && at.offset() >= e.getValue() - 1);
                });
            });
        }
    }

    private static Map<String, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<String, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> end.put(tp.toString(), info.offset()));
            return end;
        }
    }

    /** The committed case events of this run's people between two sets of offsets of em.breach-cases. */
    private static List<CaseEvent> readCases(Map<String, Long> from, Map<String, Long> to, String prefix) {
        List<CaseEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                JsonSerde.of(CaseEvent.class))) {
            List<TopicPartition> partitions = to.keySet().stream().map(CrashMatrixIT::partition).toList();
            consumer.assign(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, from.getOrDefault(tp.toString(), 0L));
            }
            Set<TopicPartition> done = new HashSet<>();
            Instant deadline = Instant.now().plus(SETTLE);
            while (done.size() < partitions.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CaseEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()).toString())
                            && r.key() != null && r.key().startsWith(prefix)) {
                        events.add(r.value());
                    }
                }
                for (TopicPartition tp : partitions) {
                    if (consumer.position(tp) >= to.get(tp.toString())) {
                        done.add(tp);
                    }
                }
            }
        }
        return events;
    }

    /** Raised minus withdrawn, by case id. */
    private static Set<String> inForce(List<CaseEvent> events) {
        Set<String> inForce = new TreeSet<>();
        for (CaseEvent event : events) {
            switch (event) {
                case BreachCase c -> inForce.add(c.caseId());
                case CaseWithdrawal w -> inForce.remove(w.caseId());
            }
        }
        return inForce;
    }

    private static Set<String> casesInForceAtHub(EmbeddedPostgresServer pg, String prefix) {
        return strings(pg, "SELECT case_id FROM breach_case WHERE subject_id LIKE '" + prefix + "%' AND status <> 'WITHDRAWN'");
    }

    private static Set<String> storedNotifications(EmbeddedPostgresServer pg, String prefix) {
        return strings(pg, "SELECT notification_id FROM notification WHERE subject_id LIKE '" + prefix + "%'");
    }

    /** Cases of the same person raised twice for the same trigger at the same moment under different ids. */
    private static int caseIdsStoredTwice(EmbeddedPostgresServer pg, String prefix) {
        return strings(pg, "SELECT subject_id || trigger || opened_at FROM breach_case WHERE subject_id LIKE '" + prefix
                + "%' AND status <> 'WITHDRAWN' GROUP BY subject_id, trigger, opened_at HAVING count(*) > 1").size();
    }

    private static Set<String> strings(EmbeddedPostgresServer pg, String query) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("em_hub"), pg.superuser(), "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            Set<String> values = new HashSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + query, e);
        }
    }

    private static TopicPartition partition(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()));
    }
}
