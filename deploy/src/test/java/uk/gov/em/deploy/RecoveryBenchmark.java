package uk.gov.em.deploy;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.deploy.local.ServiceProcess;
import uk.gov.em.deploy.local.ServiceStack;
import uk.gov.em.infra.FreePorts;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures how the stack recovers, on this machine: the time from {@code kill -9} to {@code /health} answering
 * again for each service; how long cases stop flowing when one of two stream instances leaves (gracefully,
 * and with {@code kill -9}) or a new one joins; and how fast the hub catches up after PostgreSQL was away for
 * {@code -Dem.outage.minutes} (default 5) while the gateway kept accepting. Not part of {@code verify}:
 *
 * <pre>./mvnw -B -pl deploy -am verify -Dit.test=RecoveryBenchmark -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It writes {@code deploy/target/recovery-benchmark.txt}.
 */
class RecoveryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryBenchmark.class);
    private static final String SUPPLIER = "ems-dev";
    private static final String SECRET = "bench-secret-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final StackClient client = new StackClient(SUPPLIER, SECRET);
    private final List<String> report = new ArrayList<>();

    @Test
    void measuresRecoveryRebalancePauseAndCatchUp() throws Exception {
        int kills = Integer.getInteger("em.bench.kills", 3);
        Duration outage = Duration.ofMinutes(Long.getLong("em.outage.minutes", 5));
        Path work = Files.createTempDirectory("em-recovery-");
        try (HubDatabase postgres = new HubDatabase(work.resolve("postgres"), FreePorts.pick());
             ServiceStack stack = ServiceStack.start(TestStacks.settings(work, KafkaHarness.bootstrapServers(),
                     postgres.create(), HubDatabase.NAME, HubDatabase.NAME, SUPPLIER + "=" + SECRET,
                     "olive:olive-password:OPS", 1, 2));
             CaseProbe probe = new CaseProbe(stack)) {

            for (String service : List.of(ServiceStack.HUB, ServiceStack.GATEWAY, ServiceStack.STREAMS)) {
                ServiceProcess victim = stack.service(service);
                for (int i = 0; i < kills; i++) {
                    int before = victim.recoveries().size();
                    victim.kill();
                    await().atMost(PATIENCE).until(() -> victim.recoveries().size() > before);
                }
                record("kill -9 to /health %s: %s s (of which the supervisor's back-off %s s; JVM start to /health %s s)",
                        service, victim.recoveries().stream().map(r -> r.toHealthy().toMillis() / 1000.0).toList(),
                        victim.recoveries().stream().map(r -> r.backoff().toMillis() / 1000.0).toList(),
                        victim.recoveries().stream().map(r -> r.startToHealthy().toMillis() / 1000.0).toList());
            }

            probe.start();
            // steady again after the kills above: the 100 probes before now arrived within 2 s
            await().atMost(PATIENCE).until(() -> {
                int last = probe.posted() - 20;
                return last > 100 && probe.allArrived(last - 100, last) && probe.longestOf(last - 100, last) < 2_000;
            });
            record("cases flowing with two stream instances: p50 %d ms from post to case on em.breach-cases",
                    probe.p50Of(probe.posted() - 120, probe.posted() - 20));
            measurePause(probe, "second stream instance stopped gracefully", () -> stack.instances(ServiceStack.STREAMS).get(1).close());
            measurePause(probe, "a new stream instance joined", () -> stack.startInstance(ServiceStack.STREAMS, 3));
            measurePause(probe, "first stream instance killed with kill -9 (restarted by the supervisor)",
                    () -> stack.service(ServiceStack.STREAMS).kill());
            probe.close();

            SupplierLoad load = new SupplierLoad(client, stack::gatewayUrl, run, 42);
            load.start(Duration.ofMillis(150));
            await().atMost(PATIENCE).until(() -> load.acknowledged().size() > 200);
            postgres.stop();
            Instant down = Instant.now();
            long refusedBefore = load.failedAttempts();
            int acceptedBefore = load.acknowledged().size();
            await().atMost(outage.plusMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(down.plus(outage)));
            load.stopPlanning();
            await().atMost(PATIENCE).until(load::drained);
            load.close();
            record("PostgreSQL down %d s: the gateway accepted %d notifications and refused %d requests meanwhile",
                    Duration.between(down, Instant.now()).toSeconds(), load.acknowledged().size() - acceptedBefore,
                    load.failedAttempts() - refusedBefore);
            long notificationBacklog = ConsumerGroups.lag("em-hub-notifications", Topics.NOTIFICATIONS);
            long caseBacklog = ConsumerGroups.lag("em-hub-cases", Topics.CASES);
            postgres.start();
            Instant back = Instant.now();
            ConsumerGroups.awaitCaughtUp("em-hub-notifications", Topics.NOTIFICATIONS, PATIENCE);
            Duration notificationsTook = Duration.between(back, Instant.now());
            ConsumerGroups.awaitCaughtUp("em-hub-cases", Topics.CASES, PATIENCE);
            Duration casesTook = Duration.between(back, Instant.now());
            record("hub catch-up after PostgreSQL returned: %d notifications in %.1f s (%.0f/s), %d case records in %.1f s (%.0f/s)",
                    notificationBacklog, seconds(notificationsTook), notificationBacklog / seconds(notificationsTook),
                    caseBacklog, seconds(casesTook), caseBacklog / seconds(casesTook));
            assertThat(postgres.storedNotifications(load.subjectPrefix())).containsAll(load.acknowledged());
        } finally {
            Path out = Path.of("target", "recovery-benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
        }
    }

    private void measurePause(CaseProbe probe, String what, Runnable event) {
        long p50 = probe.p50Of(Math.max(0, probe.posted() - 70), probe.posted() - 20);
        Instant at = Instant.now();
        event.run();
        Instant done = Instant.now();
        int from = probe.posted();
        await().atMost(PATIENCE).until(() -> probe.allArrived(from, from + 100));
        record("%s: the event took %.1f s; longest post-to-case time of notifications posted around it %.1f s (p50 before: %d ms)",
                what, seconds(Duration.between(at, done)), probe.longestSince(at.minusSeconds(5)) / 1000.0, p50);
    }

    private void record(String format, Object... args) {
        String line = String.format(format, args);
        LOG.info("RECOVERY {}", line);
        report.add(line);
    }

    private static double seconds(Duration d) {
        return Math.max(1, d.toMillis()) / 1000.0;
    }

    /**
     * Posts a strap tamper for a new person every 100 ms and times each until its case is committed on
     * em.breach-cases. Probes are numbered in the order they were posted; only those the gateway acknowledged
     * are waited for.
     */
    private final class CaseProbe implements AutoCloseable {

        private final ServiceStack stack;
        private final Map<Integer, Long> postedAt = new ConcurrentHashMap<>();
        private final Map<Integer, Long> latency = new ConcurrentHashMap<>();
        private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicInteger counter = new AtomicInteger();
        private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        private volatile boolean running = true;

        CaseProbe(ServiceStack stack) {
            this.stack = stack;
        }

        void start() {
            executor.scheduleWithFixedDelay(this::postOne, 0, 100, TimeUnit.MILLISECONDS);
            executor.execute(this::read);
        }

        private void postOne() {
            int n = counter.getAndIncrement();
            try {
                Notification tamper = new Notification("RB-" + run + "-" + n, subject(n), "GPS-1", BreachType.STRAP_TAMPER,
                        Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), null, null, null);
                postedAt.put(n, System.currentTimeMillis());
                if (client.post(stack.gatewayUrl(), tamper).statusCode() == 202) {
                    acknowledged.add(n);
                }
            } catch (Exception e) {
                // not acknowledged: not waited for
            }
        }

        private String subject(int n) {
            return "RB-" + run + "-" + n;
        }

        private void read() {
            String prefix = "RB-" + run + "-";
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "recovery-probe-" + run,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.CASES));
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.key() != null && r.key().startsWith(prefix)) {
                            int n = Integer.parseInt(r.key().substring(prefix.length()));
                            Long posted = postedAt.get(n);
                            if (posted != null) {
                                latency.putIfAbsent(n, System.currentTimeMillis() - posted);
                            }
                        }
                    }
                }
            }
        }

        int posted() {
            return counter.get();
        }

        /** Whether every acknowledged probe numbered {@code from} (inclusive) to {@code to} (exclusive) has arrived. */
        boolean allArrived(int from, int to) {
            return counter.get() >= to && acknowledged.stream().filter(n -> n >= from && n < to).allMatch(latency::containsKey);
        }

        /** The median post-to-case time of the probes numbered {@code from} to {@code to} (exclusive) that arrived. */
        long p50Of(int from, int to) {
            List<Long> all = latencyOf(from, to).sorted().toList();
            return all.isEmpty() ? 0 : all.get(all.size() / 2);
        }

        long longestOf(int from, int to) {
            return latencyOf(from, to).mapToLong(Long::longValue).max().orElse(Long.MAX_VALUE);
        }

        long longestSince(Instant from) {
            return latency.entrySet().stream().filter(e -> postedAt.get(e.getKey()) >= from.toEpochMilli())
                    .mapToLong(Map.Entry::getValue).max().orElse(0);
        }

        private java.util.stream.Stream<Long> latencyOf(int from, int to) {
            return latency.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to).map(Map.Entry::getValue);
        }

        @Override
        public void close() {
            running = false;
            executor.shutdown();
        }
    }
}
