package uk.gov.em.gateway.bench;

import org.apache.kafka.tools.ProducerPerformance;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.SupplierSignature;
import uk.gov.em.contracts.json.Json;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The supplier gateway's benchmark (not a test), all in one run on one machine so the figures are comparable:
 * <ol>
 *   <li>H: a no-op POST endpoint of the same Micronaut server, same body, same client: the framework's ceiling;</li>
 *   <li>P: Kafka's own ProducerPerformance (acks=all, idempotent, linger 5 ms, 64 KiB batches), in this JVM, for
 *       records the size of the gateway's;</li>
 *   <li>the gateway's maximum single-notification rate (goal ≥ 0.5 × H) and batch rate in notifications
 *       (goal ≥ 0.5 × P);</li>
 *   <li>p99 latency of single notifications sent open-loop at half the single maximum (the lowest round's, or
 *   {@code -Dbench.latencyRate}) (goal &lt; 50 ms).</li>
 * </ol>
 * Starts its own broker and gateway (the shaded jar) as child processes and stops them at the end.
 * Run with {@code supplier-gateway/bench/run}.
 */
public final class GatewayBenchmark {

    private static final String SUPPLIER = "bench";
    private static final String SECRET = "bench-secret-0123456789abcdef0123456789";
    private static final int PARTITIONS = 3;
    private static final int BATCH_SIZE = 1000;
    private static final Pattern PERF_RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private final String classpath;
    private final Path gatewayJar;
    private final Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 4));
    private final Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 6));
    private final Duration latencyPhase = Duration.ofSeconds(Long.getLong("bench.latencySeconds", 15));
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int clients = Integer.getInteger("bench.clients", 64);
    private final int batchClients = Integer.getInteger("bench.batchClients", 4);
    private final long perfRecords = Long.getLong("bench.perfRecords", 400_000);
    private final List<Process> children = new ArrayList<>();

    private GatewayBenchmark(String classpath, Path gatewayJar) {
        this.classpath = classpath;
        this.gatewayJar = gatewayJar;
    }

    public static void main(String[] args) throws Exception {
        GatewayBenchmark bench = new GatewayBenchmark(args[0], Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopChildren));
        try {
            bench.run();
        } finally {
            bench.stopChildren();
        }
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        String bootstrap = startBroker();
        int port = freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        startGateway(bootstrap, port, base);
        LoadGenerator load = new LoadGenerator(new KeepAliveConnections("127.0.0.1", port, 1024));

        byte[] example = singleBody(0);
        int recordSize = Json.toBytes(new ReceivedNotification(SUPPLIER, Instant.now(),
                Json.fromBytes(example, Notification.class))).length;
        log("single body %d bytes; Kafka record value %d bytes", example.length, recordSize);

        List<byte[]> batches = IntStream.range(0, 8).mapToObj(GatewayBenchmark::batchBody).toList();
        LongFunction<LoadGenerator.Post> noopPost = n -> signed("/bench/noop", singleBody(n), "application/json");
        LongFunction<LoadGenerator.Post> singlePost = n -> signed("/api/v1/notifications", singleBody(n), "application/json");
        LongFunction<LoadGenerator.Post> batchPost = n -> signed("/api/v1/notifications/batch",
                batches.get((int) (n % batches.size())), "application/json");

        String loadBefore = loadAverage();
        // JIT warm-up of every path before anything is measured; nothing of it counts
        load.closedLoop(noopPost, 202, clients, warmup, Duration.ofSeconds(1));
        load.closedLoop(singlePost, 202, clients, warmup, Duration.ofSeconds(1));
        load.closedLoop(batchPost, 200, batchClients, warmup, Duration.ofSeconds(1));
        producerPerformance(bootstrap, recordSize, perfRecords / 2);
        log("warmed up");

        // each gateway figure alternates with its baseline, round by round, so that load from other work on
        // this shared machine hits both alike; the ratio of each round is judged, and the median round reported
        List<double[]> hSingle = new ArrayList<>();
        List<double[]> pBatch = new ArrayList<>();
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            LoadGenerator.Result h = best(load, noopPost, 202, measure);
            LoadGenerator.Result single = best(load, singlePost, 202, measure);
            double p = producerPerformance(bootstrap, recordSize, perfRecords);
            LoadGenerator.Result batch = load.closedLoop(batchPost, 200, batchClients, Duration.ofSeconds(2), measure);
            double batchRate = batch.requestsPerSecond() * BATCH_SIZE;
            failed += h.failed() + single.failed() + batch.failed();
            hSingle.add(new double[] {h.requestsPerSecond(), single.requestsPerSecond()});
            pBatch.add(new double[] {p, batchRate});
            log("round %d: H %.0f req/s, single %.0f/s (%.2f × H, p99 at max %.1f ms); P %.0f records/s, batch %.0f/s "
                            + "(%.2f × P, batch p99 %.1f ms)", round, h.requestsPerSecond(), single.requestsPerSecond(),
                    single.requestsPerSecond() / h.requestsPerSecond(), single.p(99), p, batchRate, batchRate / p,
                    batch.p(99));
        }
        double[] singleRound = medianByRatio(hSingle);
        double[] batchRound = medianByRatio(pBatch);
        double hRate = singleRound[0];
        double singleRate = singleRound[1];
        double p = batchRound[0];
        double batchRate = batchRound[1];

        // Half of what the gateway sustains: the lowest round's single rate, so that one outlier round cannot set a
        // rate the gateway cannot keep up with (a pinned run of 2026-11-25 measured an overload that way), unless
        // -Dbench.latencyRate sets it.
        double steadySingle = hSingle.stream().mapToDouble(round -> round[1]).min().orElse(singleRate);
        double halfRate = Double.parseDouble(System.getProperty("bench.latencyRate", Double.toString(steadySingle / 2)));
        ServerHistogram server = new ServerHistogram(base);
        Map<Double, Double> serverBefore = server.buckets();
        LoadGenerator.Result latency = load.openLoop(singlePost, 202, halfRate, latencyPhase);
        Map<Double, Double> serverAfter = server.buckets();
        double serverP99 = ServerHistogram.percentileMillis(serverBefore, serverAfter, 99);
        log("latency at %.0f/s open loop: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (failed %d); "
                        + "inside the server p99 ≤ %.1f ms; the generator itself started requests late by p50 %.1f ms, "
                        + "p99 %.1f ms", halfRate, latency.p(50), latency.p(99), latency.p(99.9),
                latency.latencyMicros().getMaxValue() / 1000.0, latency.failed(), serverP99, latency.lag(50),
                latency.lag(99));
        String loadAfter = loadAverage();

        System.out.println();
        System.out.println("| figure | value | goal | met |");
        System.out.println("|---|---|---|---|");
        row("H: no-op Micronaut POST (median round of " + rounds + ")", "%.0f req/s", hRate, "", "");
        row("P: Kafka ProducerPerformance, " + recordSize + " B records, acks=all", "%.0f records/s", p, "", "");
        row("gateway single notifications (same round)", "%.0f /s", singleRate,
                String.format("≥ 0.5 × H (%.2f × H)", singleRate / hRate), singleRate >= 0.5 * hRate ? "yes" : "no");
        row("gateway batches of " + BATCH_SIZE + " (same round as P)", "%.0f notifications/s", batchRate,
                String.format("≥ 0.5 × P (%.2f × P)", batchRate / p), batchRate >= 0.5 * p ? "yes" : "no");
        row(String.format("p99 at half the single maximum (%.0f/s open loop, client-side)", halfRate), "%.1f ms",
                latency.p(99), "< 50 ms", latency.p(99) < 50 ? "yes" : "no");
        row("  same run, inside the server (histogram bucket bound)", "≤ %.1f ms", serverP99, "", "");
        row("  same run, how late the generator started requests, p99", "%.1f ms", latency.lag(99), "", "");
        System.out.printf("%nrounds (H → single; P → batch): %s; failed requests %d%n", rounds(hSingle, pBatch), failed);
        System.out.printf("phases: warm-up %d s per path, measure %d s (latency %d s), best of %d and 4 × that many "
                        + "clients (single, H), "
                        + "%d clients (batch); load average before %s, after %s; total %d s%n", warmup.toSeconds(),
                measure.toSeconds(), latencyPhase.toSeconds(), clients, batchClients, loadBefore, loadAfter,
                Duration.between(began, Instant.now()).toSeconds());
    }

    /** The higher rate of two closed loops, with {@code clients} and with 4 × {@code clients}: a maximum, not a latency. */
    private LoadGenerator.Result best(LoadGenerator load, LongFunction<LoadGenerator.Post> post, int status, Duration measure)
            throws InterruptedException {
        LoadGenerator.Result few = load.closedLoop(post, status, clients, Duration.ofSeconds(1), measure);
        LoadGenerator.Result many = load.closedLoop(post, status, clients * 4, Duration.ofSeconds(1), measure);
        return few.requestsPerSecond() >= many.requestsPerSecond() ? few : many;
    }

    /** The round whose ratio (second / first) is the median; for two rounds, the lower. */
    private static double[] medianByRatio(List<double[]> rounds) {
        List<double[]> sorted = new ArrayList<>(rounds);
        sorted.sort((a, b) -> Double.compare(a[1] / a[0], b[1] / b[0]));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String rounds(List<double[]> hSingle, List<double[]> pBatch) {
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < hSingle.size(); i++) {
            rounds.add(String.format("%.0f → %.0f (%.2f); %.0f → %.0f (%.2f)", hSingle.get(i)[0], hSingle.get(i)[1],
                    hSingle.get(i)[1] / hSingle.get(i)[0], pBatch.get(i)[0], pBatch.get(i)[1],
                    pBatch.get(i)[1] / pBatch.get(i)[0]));
        }
        return String.join(" | ", rounds);
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static void row(String figure, String format, double value, String goal, String met) {
        System.out.println("| " + figure + " | " + String.format(format, value) + " | " + goal + " | " + met + " |");
    }

    private String startBroker() throws IOException, InterruptedException {
        Process broker = start("broker", List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", classpath, BenchBroker.class.getName(),
                Integer.toString(PARTITIONS)), Map.of());
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        ready.complete(line.substring(6).strip());
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the broker stopped before it was ready"));
        });
        try {
            String bootstrap = ready.get(60, TimeUnit.SECONDS);
            log("broker ready at %s", bootstrap);
            return bootstrap;
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark broker did not start", e);
        }
    }

    private void startGateway(String bootstrap, int port, URI base) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        String jvmArgs = System.getProperty("bench.gatewayJvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", gatewayJar.toString()));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "MICRONAUT_SERVER_PORT", Integer.toString(port),
                "MICRONAUT_ENVIRONMENTS", "bench",
                "EM_SUPPLIER_SECRETS", SUPPLIER + "=" + SECRET,
                "EM_RATE_LIMIT_OVERRIDES", SUPPLIER + "=100000000/100000000"));
        if (System.getProperty("bench.lingerMs") != null) {
            env.put("EM_KAFKA_LINGER_MS", System.getProperty("bench.lingerMs"));
        }
        start("gateway", command, env);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log("gateway ready at %s", base);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the gateway did not become healthy within 60 s");
    }

    /**
     * Runs Kafka's ProducerPerformance in this JVM (warm after the first round, like the gateway) and reads its
     * total from what it prints.
     */
    private double producerPerformance(String bootstrap, int recordSize, long records) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {"--topic", BenchBroker.PERF_TOPIC,
                    "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                    "--throughput", "-1", "--command-property", "bootstrap.servers=" + bootstrap, "acks=all",
                    "enable.idempotence=true", "linger.ms=5", "batch.size=65536"});
        } finally {
            System.setOut(console);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> totals = output.lines().filter(l -> l.contains("records sent") && l.contains("50th")).toList();
        Matcher m = PERF_RATE.matcher(totals.isEmpty() ? "" : totals.getLast());
        if (!m.find()) {
            throw new IllegalStateException("no ProducerPerformance total in:\n" + output);
        }
        log("ProducerPerformance: %s", totals.getLast());
        return Double.parseDouble(m.group(1));
    }

    /**
     * Starts a child process, pinned to the CPUs named by {@code -Dbench.<name>Cpus} (a {@code taskset -c} list,
     * e.g. {@code 1}) when given; a child otherwise inherits this JVM's CPUs (see {@code BENCH_CPUS} in
     * {@code bench/run}).
     */
    private Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        String cpus = System.getProperty("bench." + name + "Cpus");
        if (cpus != null && !cpus.isBlank()) {
            List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus.strip()));
            pinned.addAll(command);
            command = pinned;
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path log = Files.createTempFile("em-bench-" + name + "-", ".log");
        if (!name.equals("broker")) {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder.redirectError(log.toFile());
        }
        Process process = builder.start();
        children.add(process);
        log("%s started (pid %d, log %s%s)", name, process.pid(), log, cpus == null ? "" : ", CPUs " + cpus);
        return process;
    }

    private void stopChildren() {
        for (Process child : children.reversed()) {
            child.destroy();
        }
        for (Process child : children) {
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
    }

    private static LoadGenerator.Post signed(String path, byte[] body, String contentType) {
        long timestamp = Instant.now().getEpochSecond();
        return new LoadGenerator.Post(path, Map.of(
                "Content-Type", contentType,
                SupplierSignature.HEADER_SUPPLIER, SUPPLIER,
                SupplierSignature.HEADER_TIMESTAMP, Long.toString(timestamp),
                SupplierSignature.HEADER_SIGNATURE, SupplierSignature.sign(SECRET, timestamp, body)), body);
    }

    /** The contract's example notification, numbered so every request carries its own. */
    static byte[] singleBody(long n) {
        return notification("BENCH-" + n, "S-" + (n % 10_000)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] batchBody(int b) {
        return IntStream.range(0, BATCH_SIZE)
                .mapToObj(i -> notification("BENCH-B" + b + "-" + i, "S-" + (i % 10_000)))
                .collect(Collectors.joining(",", "[", "]")).getBytes(StandardCharsets.UTF_8);
    }

    private static String notification(String id, String subject) {
        return "{\"notificationId\":\"" + id + "\",\"subjectId\":\"" + subject + "\",\"deviceId\":\"GPS-88812\","
                + "\"type\":\"" + BreachType.BATTERY_DEPLETED.code() + "\",\"occurredAt\":\"2022-02-01T10:15:00Z\","
                + "\"endedAt\":\"2022-02-01T13:40:00Z\",\"episodeId\":\"EMS-EP-9931\","
                + "\"details\":{\"note\":\"device back on charge before report\"}}";
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", Instant.now().atZone(java.time.ZoneOffset.UTC), String.format(format, args));
    }
}
