package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.deploy.simulator.NotificationMix;
import uk.gov.em.deploy.simulator.PublishedBreachTable;
import uk.gov.em.deploy.simulator.SignedRequests;
import uk.gov.em.deploy.simulator.SimulatedSupplier;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * End-to-end latency of a running stack, as a supplier and a caseworker see it (docs/benchmarks.md, "End-to-end
 * latency"). Not a test: run by {@code deploy/bench/end-to-end-latency}, which starts the local stack quiet and
 * hands this class its addresses.
 *
 * <p>Posts signed notifications to the gateway at a fixed rate on an open-loop schedule: request i is due at
 * start + i / rate whether or not earlier answers have come back, and every latency is measured from when it was
 * due, so a stalled gateway cannot hide its stall (no coordinated omission). The load is the published mix of breach
 * types ({@link SimulatedSupplier}); one notification in {@code probeEvery} is a <em>probe</em>: a strap tamper of a
 * person of its own (every probe's person on the same partition, so probes reach the hub in order), which goes
 * straight to the prosecutions queue. Each probe's {@code occurredAt} is a minute older
 * than the previous probe's and years older than any other case, so the newest probe's case is always the first
 * item of the queue ("oldest trigger first", policy §8); a poller reads the head of the queue API (five cases, and
 * further pages only while new probes fill it) every {@code -DpollEvery} milliseconds (20) and notes when each probe's
 * case first appears. That is fifty reads a second (a caseworker's page is read far less often) and adds at most
 * 20 ms to that step: polling as fast as the hub answers made the poller the hub's largest load and starved the rest
 * of the stack of CPU. Per probe it measures the time from the gateway's 202 to the case
 * in the queue API, and the steps in between from timestamps taken on the one machine clock: the case committed on
 * {@code em.breach-cases} (a read_committed consumer in this JVM), the hub's {@code stored_at} (its own clock, read
 * from its database afterwards), and the poller seeing it.
 *
 * <p>Arguments: hubUrl gatewayUrl kafkaBootstrap hubJdbcUrl. Options: {@code -Drate} (1000/s), {@code -Dseconds}
 * (120, measured), {@code -Dwarmup} (150 s, same load, not measured: the services compile with C2 meanwhile and then
 * work off what piled up, which took until 70–80 s; 20 s left a backlog that outlasted the measured phase, and 90 s
 * measured the last of the catching up), {@code -DprobeEvery} (50), {@code -Dconnections} (256 requests
 * in flight at most), {@code -DpollEvery} (20 ms between reads of the queue), {@code -DpollPage} (5 cases a page),
 * {@code -DpollDepth} (20 pages a read at most),
 * {@code -Dout} (a file to write the report to as well).
 */
public final class EndToEndLatency {

    private static final String SUPPLIER = "ems-dev";
    private static final String SECRET = "dev-secret-change-me-0123456789abcdef";
    private static final Instant PROBE_BASE = Instant.parse("2020-01-01T00:00:00Z");
    /**
     * Cases per page the poller reads ({@code -DpollPage}, 5): a few probes' worth (they are 50 ms apart at 1,000/s).
     * Reading 50 a page, 50 times a second, made the hub render 2,500 case summaries a second for the benchmark alone.
     */
    private static final int POLL_PAGE = Integer.getInteger("pollPage", 5);
    /** Pages the poller reads at most in one read of the queue's head ({@code -DpollDepth}, 20: a hundred probes). */
    private static final int POLL_DEPTH = Integer.getInteger("pollDepth", 20);

    private final String hub;
    private final URI notifications;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();
    /** The numbers of the probes answered 202 and not yet seen in the queue. */
    private final ConcurrentSkipListSet<Integer> awaited = new ConcurrentSkipListSet<>();
    private final Histogram gateway = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
    /**
     * At most this many requests in flight ({@code -Dconnections}, 256): the client's HTTP/1.1 connections are
     * reused, never one opened per request, so a slow gateway meets a queue of due requests (each still timed from
     * when it was due) rather than a storm of new connections.
     */
    private final Semaphore inFlight = new Semaphore(Integer.getInteger("connections", 256));
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong pagesRead = new AtomicLong();
    private volatile boolean measuring;
    private volatile boolean stopping;

    /** One probe's instants, epoch microseconds of this machine's clock (0: not yet). */
    private static final class Probe {
        /** 1 for the first probe sent: the higher, the older its {@code occurredAt}, so the nearer the queue's head. */
        final int number;
        volatile long due;
        volatile long accepted;
        volatile long onCaseTopic;
        volatile long stored;
        volatile long inQueue;
        volatile boolean measured;

        Probe(int number) {
            this.number = number;
        }
    }

    private EndToEndLatency(String hub, String gatewayUrl) {
        this.hub = hub;
        this.notifications = URI.create(gatewayUrl + "/api/v1/notifications");
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("rate", 1000);
        int seconds = Integer.getInteger("seconds", 120);
        int warmup = Integer.getInteger("warmup", 150);
        int probeEvery = Integer.getInteger("probeEvery", 50);
        EndToEndLatency bench = new EndToEndLatency(args[0], args[1]);
        String report = bench.measure(args[2], args[3], rate, seconds, warmup, probeEvery);
        System.out.println(report);
        String out = System.getProperty("out");
        if (out != null) {
            Files.writeString(Path.of(out), report);
        }
        System.exit(0);
    }

    private String measure(String kafka, String jdbcUrl, int rate, int seconds, int warmup, int probeEvery)
            throws Exception {
        StackClient client = new StackClient(SUPPLIER, SECRET);
        String token = client.login(hub, "senior", "senior");
        int casePartitions = casePartitions(kafka);
        String loadBefore = loadAverage();
        Thread observer = Thread.ofPlatform().name("case-topic-observer").start(() -> observeCases(kafka));
        Thread poller = Thread.ofPlatform().name("queue-poller").start(() -> pollQueue(client, token));
        SimulatedSupplier supplier = new SimulatedSupplier(NotificationMix.of(PublishedBreachTable.shipped()),
                new Random(16), 20_000, run);

        long total = (long) rate * (warmup + seconds);
        long warmupCount = (long) rate * warmup;
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long startMicros = micros() + 500_000;
        int probeCount = 0;
        int probeKey = 0;
        StackCpu cpuAtStart = null;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long dueNanos = startNanos + i * 1_000_000_000L / rate;
                long wait = dueNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (i == warmupCount) {
                    measuring = true;
                    cpuAtStart = StackCpu.now();
                }
                long dueMicros = startMicros + (dueNanos - startNanos) / 1_000;
                Instant now = Instant.now();
                Notification n;
                Probe probe = null;
                if (i % probeEvery == 0) {
                    probeCount++;
                    String subject;
                    do {
                        subject = "S-P" + run + "-" + ++probeKey;
                    } while (partitionOf(subject, casePartitions) != 0);
                    n = new Notification("PROBE-" + run + "-" + probeCount, subject, "GPS-P", BreachType.STRAP_TAMPER,
                            PROBE_BASE.minus(Duration.ofMinutes(probeCount)), null, null, null);
                    probe = new Probe(probeCount);
                    probe.due = dueMicros;
                    probe.measured = measuring;
                    probes.put(subject, probe);
                } else {
                    n = supplier.next(now);
                }
                Probe p = probe;
                boolean counted = measuring;
                senders.submit(() -> send(n, dueMicros, p, counted));
            }
        }
        String loadAfterSending = loadAverage();
        String cpu = cpuAtStart == null ? "not measured" : StackCpu.now().coresSince(cpuAtStart);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && probes.values().stream().anyMatch(p -> p.inQueue == 0 && p.accepted > 0)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        stopping = true;
        poller.join();
        observer.join();
        readStoredAt(jdbcUrl);
        return report(rate, seconds, warmup, probeEvery, loadBefore, loadAfterSending, cpu);
    }

    private void send(Notification n, long dueMicros, Probe probe, boolean counted) {
        inFlight.acquireUninterruptibly();
        try {
            HttpRequest signed = SignedRequests.post(notifications, SUPPLIER, SECRET, Json.toBytes(n), Instant.now());
            HttpRequest request = HttpRequest.newBuilder(signed, (name, value) -> true).timeout(Duration.ofSeconds(60)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long answered = micros();
            if (response.statusCode() != 202) {
                refused.incrementAndGet();
                return;
            }
            if (counted) {
                gateway.recordValue(Math.max(0, answered - dueMicros));
            }
            if (probe != null) {
                probe.accepted = answered;
                awaited.add(probe.number);
            }
        } catch (IOException | InterruptedException e) {
            if (failed.incrementAndGet() <= 3) {
                System.err.println("a request failed: " + e);
            }
        } finally {
            inFlight.release();
        }
    }

    /**
     * Every probe is a person whose key lands on partition 0 (of {@code em.notifications} and {@code em.breach-cases}
     * alike: they have as many partitions and are keyed by the person), so probes reach the hub in the order they
     * were sent. Spread over all partitions, a probe on a partition the hub reached later than another's was stored
     * behind probes the poller had already met, deeper than the page it reads, and never seen: the slowest probes
     * went missing from the figures (up to 1,512 of 2,400 on 2026-12-07).
     */
    private static int partitionOf(String subjectId, int partitions) {
        return Utils.toPositive(Utils.murmur2(subjectId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int casePartitions(String kafka) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringDeserializer(), new ByteArrayDeserializer())) {
            int cases = consumer.partitionsFor(Topics.CASES).size();
            int notifications = consumer.partitionsFor(Topics.NOTIFICATIONS).size();
            if (cases != notifications) {
                throw new IllegalStateException("probes stay in order only when " + Topics.NOTIFICATIONS + " ("
                        + notifications + " partitions) and " + Topics.CASES + " (" + cases + ") have as many");
            }
            return cases;
        }
    }

    /** Notes when each probe's case is committed on the case topic (read_committed, as the hub reads it). */
    private void observeCases(String kafka) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASES).stream()
                    .map(p -> new TopicPartition(Topics.CASES, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    Probe probe = r.key() == null ? null : probes.get(r.key());
                    if (probe != null && probe.onCaseTopic == 0) {
                        probe.onCaseTopic = micros();
                    }
                }
            }
        }
    }

    /** Reads the head of the prosecutions queue over and over; notes when each probe's case first shows. */
    private void pollQueue(StackClient client, String token) {
        long gap = TimeUnit.MILLISECONDS.toNanos(Integer.getInteger("pollEvery", 20));
        while (!stopping) {
            try {
                readQueueHead(client, token);
            } catch (IOException | RuntimeException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(gap);
        }
    }

    /**
     * Reads the head of the prosecutions queue, {@link #POLL_PAGE} cases a page, and notes every probe met for the first
     * time. Probes arrive newest first (all on one partition, {@link #partitionOf}), so the head is the newest stored;
     * the next page is read too while the page ends in a probe sent after one still awaited (answered 202, not yet
     * seen), since that one may be stored further down: a probe the gateway answered late, after newer ones, is not
     * hidden behind them. At most {@link #POLL_DEPTH} pages a read, so a probe that never arrives cannot make every
     * read walk the whole queue; a probe stored but never seen is still counted, and its 202 → stored time reported.
     */
    private void readQueueHead(StackClient client, String token) throws IOException, InterruptedException {
        reads.incrementAndGet();
        String path = "/api/v1/queues/prosecutions?limit=" + POLL_PAGE;
        for (int pages = 1; path != null; pages++) {
            JsonNode page = client.getJson(hub, path, token);
            pagesRead.incrementAndGet();
            long seen = micros();
            Probe last = null;
            for (JsonNode item : page.path("items")) {
                last = probes.get(item.path("subjectId").asText());
                if (last != null && last.inQueue == 0) {
                    last.inQueue = seen;
                    awaited.remove(last.number);
                }
            }
            Integer oldestAwaited = awaited.isEmpty() ? null : awaited.first();
            boolean olderMayFollow = last != null && oldestAwaited != null && oldestAwaited < last.number;
            String next = page.path("nextCursor").asText(null);
            path = olderMayFollow && next != null && pages < POLL_DEPTH
                    ? "/api/v1/queues/prosecutions?limit=" + POLL_PAGE + "&cursor="
                            + URLEncoder.encode(next, StandardCharsets.UTF_8)
                    : null;
        }
    }

    private void readStoredAt(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "em_hub", "em_hub");
             PreparedStatement s = c.prepareStatement("SELECT subject_id, stored_at FROM breach_case WHERE subject_id LIKE ?")) {
            s.setString(1, "S-P" + run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Probe probe = probes.get(rs.getString(1));
                    Instant stored = rs.getObject(2, OffsetDateTime.class).toInstant();
                    probe.stored = stored.getEpochSecond() * 1_000_000 + stored.getNano() / 1_000;
                }
            }
        }
    }

    private String report(int rate, int seconds, int warmup, int probeEvery, String loadBefore, String loadAfter,
                          String cpu) {
        List<Probe> measured = probes.values().stream().filter(p -> p.measured && p.accepted > 0).toList();
        long lost = measured.stream().filter(p -> p.inQueue == 0).count();
        long storedUnseen = measured.stream().filter(p -> p.inQueue == 0 && p.stored > 0).count();
        List<Probe> complete = measured.stream()
                .filter(p -> p.inQueue > 0 && p.onCaseTopic > 0 && p.stored > 0).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format("end-to-end latency: %d notifications/s for %d s (after %d s of warm-up), one probe in %d;"
                        + " %s%n", rate, seconds, warmup, probeEvery, Instant.now()));
        out.append(String.format("load average before: %s; after sending: %s; now: %s%n", loadBefore, loadAfter, loadAverage()));
        out.append(String.format("cores used while measured notifications were sent: %s%n", cpu));
        out.append(String.format("the poller read the queue %d times, %d pages in all%n", reads.get(), pagesRead.get()));
        out.append(String.format("requests answered other than 202: %d; failed (I/O or no answer in 60 s; and poller errors): %d; probes measured: %d,"
                + " of which never seen in the queue: %d (%d of them stored by the hub), with every step known: %d%n",
                refused.get(), failed.get(), measured.size(), lost, storedUnseen, complete.size()));
        out.append(line("gateway: due -> 202 (every request, open loop)", gateway));
        out.append(line("probe: 202 -> case in the queue API (THE GOAL: p99 < 250 ms)",
                histogram(measured.stream().filter(p -> p.inQueue > 0).toList(), p -> p.inQueue - p.accepted)));
        out.append(line("probe: 202 -> hub stored_at (every probe stored, seen in the queue or not)",
                histogram(measured.stream().filter(p -> p.stored > 0).toList(), p -> p.stored - p.accepted)));
        out.append(line("probe: due -> case in the queue API", histogram(measured.stream().filter(p -> p.inQueue > 0)
                .toList(), p -> p.inQueue - p.due)));
        out.append("breakdown (probes with every step known):\n");
        out.append(line("  due -> 202 (gateway: HMAC, parse, produce acks=all, linger)", histogram(complete, p -> p.accepted - p.due)));
        out.append(line("  202 -> case committed on em.breach-cases (stream processor: poll, process, EOS commit)",
                histogram(complete, p -> p.onCaseTopic - p.accepted)));
        out.append(line("  case committed -> hub stored_at (hub: poll, decode, insert)",
                histogram(complete, p -> p.stored - p.onCaseTopic)));
        out.append(line("  hub stored_at -> in the queue API (hub commit + poller's round trip)",
                histogram(complete, p -> p.inQueue - p.stored)));
        return out.toString();
    }

    private static Histogram histogram(List<Probe> probes, ToLongFunction<Probe> micros) {
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        // a step measured across two processes' clock reads can come out a few µs negative: count it as zero
        probes.forEach(p -> h.recordValue(Math.max(0, Math.min(micros.applyAsLong(p), h.getHighestTrackableValue()))));
        return h;
    }

    private static String line(String what, Histogram h) {
        return String.format("%-95s n=%6d  p50 %8.1f ms  p99 %8.1f ms  p99.9 %8.1f ms  max %8.1f ms%n", what,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
