package uk.gov.em.streams.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.topology.BreachStreamsConfig;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.TopologyEvents;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Records per second through the full topology on a real broker, against pass-through topologies (bytes, and the JSON read and written back) on the same
 * broker and input, and exactly-once v2 against at-least-once; or ({@code state} mode) the state size and heap
 * of the full topology after 30 days of history for many people. Not a test: run by hand (docs/benchmarks.md).
 * Arguments: bootstrap people perPerson mode(throughput|state).
 */
public final class ThroughputBenchmark {

    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final String PASS_THROUGH_TOPIC = "bench-passthrough";

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int people = Integer.parseInt(args[1]);
        int perPerson = Integer.parseInt(args[2]);
        String mode = args[3];
        long produced = produce(bootstrap, people, perPerson);
        System.out.printf("input: %d records, %d people, %d each over 30 days%n", produced, people, perPerson);
        if (mode.equals("throughput")) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, 3, (short) 1))).all().get();
            }
            for (String run : runs()) {
                if (run.equals(PostgresPeer.RUN)) {
                    PostgresPeer.run(bootstrap, produced);
                    continue;
                }
                boolean full = run.startsWith("full");
                Properties config = BreachStreamsConfig.of("bench-" + run + "-" + System.nanoTime(), bootstrap,
                        ScratchDirectory.create("bench-state-"));
                overrides().forEach(config::put);
                if (run.contains("alos")) {
                    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
                }
                Topology topology = full ? BreachTopology.build(settings(), TopologyEvents.NONE)
                        : run.startsWith("json") ? jsonPassThrough() : passThrough();
                long cpuBefore = processCpuNanos();
                double seconds = timeToConsume(bootstrap, config, topology, produced, () -> { });
                double cpuPerRecord = (processCpuNanos() - cpuBefore) / 1e3 / produced;
                System.out.printf("%-22s %8.1f s %10.0f records/s %7.1f µs CPU/record (this JVM; broker not counted)%n",
                        run, seconds, produced / seconds, cpuPerRecord);
            }
            if (runs().contains(PostgresPeer.RUN)) {
                PostgresPeer.check(bootstrap, runs().stream().anyMatch(run -> run.startsWith("full")));
            }
        } else {
            Path stateDir = ScratchDirectory.create("bench-state-");
            Properties config = BreachStreamsConfig.of("bench-state-" + System.nanoTime(), bootstrap, stateDir);
            overrides().forEach(config::put);
            long cpuBefore = processCpuNanos();
            double seconds = timeToConsume(bootstrap, config,
                    BreachTopology.build(settings(), TopologyEvents.NONE), produced,
                    () -> {
                        // measured while the application is still running, with all its state loaded
                        System.gc();
                        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
                        try {
                            System.out.printf("heap used after GC %d MiB, peak heap (sum of pool peaks) %d MiB, max %d MiB;"
                                    + " state dir %d MiB%n", heap >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                                    size(stateDir) >> 20);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            System.out.printf("full-eos %.1f s %.0f records/s %.1f µs CPU/record (this JVM)%n", seconds, produced / seconds,
                    (processCpuNanos() - cpuBefore) / 1e3 / produced);
        }
        System.exit(0);
    }

    /**
     * The applications to time, in order: all eight and the PostgreSQL-only peer ({@link PostgresPeer}) by default, or those named in {@code -Dbench.runs=a,b,…}
     * (e.g. only {@code json-passthrough-eos,full-eos,full-eos-2} to compare inputs shaped differently).
     */
    private static List<String> runs() {
        String chosen = System.getProperty("bench.runs");
        return chosen != null ? List.of(chosen.split(",")) : List.of("passthrough-eos", "full-eos", "full-alos",
                "passthrough-eos-2", "json-passthrough-eos", "full-alos-2", "full-eos-2", "json-passthrough-eos-2", PostgresPeer.RUN);
    }

    /**
     * The policy and settings the service runs with, or with people's changed states written every
     * {@code -Dbench.stateWriteMs} milliseconds (0: at once) to compare (ADR 0010).
     */
    private static PolicySettings settings() {
        PolicySettings settings = PolicySettings.of(PolicyLoader.loadDefault());
        String interval = System.getProperty("bench.stateWriteMs");
        return interval == null ? settings : settings.withStateWriteInterval(Duration.ofMillis(Long.parseLong(interval)));
    }

    /** CPU time of this JVM (all its threads: the application's stream threads, clients, GC, JIT). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Streams settings to try on every application of the run, given as {@code -Dstreams.<setting>=<value>}. */
    private static Map<String, String> overrides() {
        return System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("streams."))
                .collect(Collectors.toMap(name -> name.substring("streams.".length()), System::getProperty));
    }

    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.NOTIFICATIONS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Reads each notification as the contract's JSON and writes it back: the least any topology of this input does. */
    private static Topology jsonPassThrough() {
        JsonSerde<ReceivedNotification> json = JsonSerde.of(ReceivedNotification.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.NOTIFICATIONS, Consumed.with(Serdes.String(), json))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), json));
        return builder.build();
    }

    /** Starts the application and returns the seconds from RUNNING until it has committed the whole input. */
    private static double timeToConsume(String bootstrap, Properties config, Topology topology, long records,
                                        Runnable whileRunning) throws Exception {
        String group = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaStreams streams = new KafkaStreams(topology, config)) {
            streams.start();
            await().forever().pollInterval(Duration.ofMillis(20))
                    .until(() -> streams.state() == KafkaStreams.State.RUNNING);
            long started = System.nanoTime();
            await().forever().pollInterval(Duration.ofMillis(100)).until(() -> {
                if (streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("streams failed");
                }
                return committed(admin, group) >= records;
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            whileRunning.run();
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.NOTIFICATIONS))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** 30 days of notifications, in arrival order: 70 % battery episodes (a quarter split open/closed), 30 % others. */
    private static long produce(String bootstrap, int people, int perPerson) throws Exception {
        Random random = new Random(42);
        BreachType[] others = {BreachType.ABSENCE_15_MIN, BreachType.CURFEW_MISSED_FULL, BreachType.INTERFERENCE_PID,
                BreachType.NOT_AVAILABLE_FOR_INSTALLATION, BreachType.LOCATION_BREACH};
        long total = (long) people * perPerson;
        long thirtyDays = Duration.ofDays(30).toSeconds();
        long count = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65_536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < total; i++) {
                // arrival time grows with i: the input is in arrival order, as the gateway writes it
                Instant received = START.plusSeconds(i * thirtyDays / total);
                String subject = "S-" + random.nextInt(people);
                String id = "B-" + i;
                Notification n;
                if (random.nextDouble() < 0.7) {
                    long length = Math.min(86_400, (long) (7200 * Math.exp(1.1 * random.nextGaussian())));
                    Instant end = received.minusSeconds(60);
                    n = new Notification(id, subject, "D-" + subject, BreachType.BATTERY_DEPLETED,
                            end.minusSeconds(Math.max(60, length)), end, id, null);
                } else {
                    n = new Notification(id, subject, "D-" + subject, others[random.nextInt(others.length)],
                            received.minusSeconds(90), null, null, null);
                }
                producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS, subject,
                        Json.toBytes(new ReceivedNotification("ems", received, n))));
                count++;
            }
            producer.flush();
        }
        return count;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.summingLong(p -> p.toFile().length()));
        }
    }
}
