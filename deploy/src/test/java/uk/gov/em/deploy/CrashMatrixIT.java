package uk.gov.em.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import uk.gov.em.infra.FreePorts;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
        HubDatabase postgres = new HubDatabase(work.resolve("postgres"), FreePorts.pick());
        String jdbcUrl = postgres.create();
        ServiceStack stack = null;
        SupplierLoad load = null;
        try {
            stack = ServiceStack.start(TestStacks.settings(work, KafkaHarness.bootstrapServers(),
                    jdbcUrl, HubDatabase.NAME, HubDatabase.NAME, SUPPLIER + "=" + SECRET, "olive:olive-password:OPS", 1, 1));
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
                        postgres.stop();
                        postgres.start();
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
                    .until(() -> postgres.storedNotifications(prefix).containsAll(acknowledged));
            ConsumerGroups.awaitCaughtUp("em-breach-streams", Topics.NOTIFICATIONS, SETTLE);
            ConsumerGroups.awaitCaughtUp("em-hub-cases", Topics.CASES, SETTLE);
            Set<String> inForceAtHub = postgres.casesInForce(prefix);
            Map<TopicPartition, Long> endOfCrashRun = ConsumerGroups.endOffsets(Topics.CASES);
            Set<String> committedByCrashRun = inForce(readCases(Map.of(), endOfCrashRun, prefix));
            services.service(ServiceStack.STREAMS).close();

            // The same input through a fresh, uninterrupted stream processor.
            String referenceId = "em-crash-reference-" + run;
            Map<TopicPartition, Long> referenceEnd;
            try (ServiceProcess reference = ServiceProcess.start("breach-streams-reference",
                    Path.of(System.getProperty("em.jar.streams")), FreePorts.pick(), Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", KafkaHarness.bootstrapServers(),
                            "STREAMS_APPLICATION_ID", referenceId,
                            "EM_STREAMS_STATE_DIR", work.resolve("reference-state").toString()), work.resolve("logs"))) {
                reference.awaitHealthy(RECOVERY);
                ConsumerGroups.awaitCaughtUp(referenceId, Topics.NOTIFICATIONS, SETTLE);
                referenceEnd = ConsumerGroups.endOffsets(Topics.CASES);
            }
            Set<String> reference = inForce(readCases(endOfCrashRun, referenceEnd, prefix));

            Set<String> stored = postgres.storedNotifications(prefix);
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
                    doubled.size(), missing.size(), postgres.sameCaseTwice(prefix), auditVerifies,
                    recoveries(services), outages.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().toMillis() / 1000.0).toList());

            assertThat(lost).as("acknowledged notifications the hub does not have").isEmpty();
            assertThat(inForceAtHub).as("cases in force at the hub vs an uninterrupted run").isEqualTo(reference);
            assertThat(committedByCrashRun).as("cases in force on em.breach-cases vs an uninterrupted run").isEqualTo(reference);
            assertThat(reference).as("the load made ABVs, moved them and climbed the ladder")
                    .hasSizeGreaterThanOrEqualTo(acknowledged.size() / 2);
            assertThat(postgres.sameCaseTwice(prefix)).isZero();
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
            postgres.close();
        }
    }

    private static String recoveries(ServiceStack services) {
        return List.of(ServiceStack.HUB, ServiceStack.GATEWAY, ServiceStack.STREAMS).stream()
                .map(s -> s + "=" + services.service(s).recoveries().stream()
                        .map(r -> r.toHealthy().toMillis() / 1000.0 + " (back-off " + r.backoff().toMillis() / 1000.0 + ")")
                        .toList())
                .collect(Collectors.joining(" "));
    }

    /** The committed case events of this run's people between two sets of offsets of em.breach-cases. */
    private static List<CaseEvent> readCases(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, String prefix) {
        List<CaseEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CaseEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                JsonSerde.of(CaseEvent.class))) {
            List<TopicPartition> partitions = List.copyOf(to.keySet());
            consumer.assign(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, from.getOrDefault(tp, 0L));
            }
            Set<TopicPartition> done = new HashSet<>();
            Instant deadline = Instant.now().plus(SETTLE);
            while (done.size() < partitions.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CaseEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))
                            && r.key() != null && r.key().startsWith(prefix)) {
                        events.add(r.value());
                    }
                }
                for (TopicPartition tp : partitions) {
                    if (consumer.position(tp) >= to.get(tp)) {
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
}
