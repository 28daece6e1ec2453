package uk.gov.em.streams.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.infra.EmbeddedPostgresServer;
import uk.gov.em.streams.battery.domain.AbvCalculator;
import uk.gov.em.streams.battery.domain.BatteryPeriod;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The peer a team without Kafka would build, for {@link ThroughputBenchmark}: the same accumulated battery violation
 * rule (docs/policy.md §1–3) computed inside PostgreSQL at insert time. The notifications of the benchmark's input
 * are read from {@code em.breach-notifications} (one reader and one connection per partition, so one person is
 * only ever written by one connection, as one task owns a person in the topology), decoded from the contract's
 * JSON and inserted in JDBC batches, one transaction per batch; a row trigger keeps each person's battery periods,
 * checks lateness and recomputes the person's ABVs from the instant the change touches
 * ({@code src/test/resources/bench/postgres-peer.sql}). Only the ABV rule: no ladder, no case text, no 7-day rule,
 * no identity check across people, no wake-up for an ABV that falls due inside a still-open episode (a scheduler
 * would have to poll for those) — so it does less than the topology per notification.
 *
 * <p>Options: {@code -Dpeer.jdbcUrl=…} (with {@code -Dpeer.user}, {@code -Dpeer.password}) uses a server of your
 * own; otherwise an embedded PostgreSQL is started on {@code -Dpeer.port} (0: any free port), fsync on, the
 * defaults otherwise. {@code -Dpeer.batch} (500) notifications per batch and transaction.
 */
final class PostgresPeer {

    /** The name of this application in {@code -Dbench.runs}. */
    static final String RUN = "postgres-peer";

    private static final String INSERT = "INSERT INTO peer.notification (supplier, notification_id, subject_id, type,"
            + " occurred_at, ended_at, episode_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static EmbeddedPostgresServer server;
    private static String url;

    private PostgresPeer() {
    }

    /**
     * Loads the whole input into an empty schema and prints the rate and the CPU per record of this JVM (reading,
     * JSON, JDBC) and of the PostgreSQL server (every process of it; embedded server only).
     */
    static void run(String bootstrap, long records) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(schema());
        }
        int batch = Integer.getInteger("peer.batch", 500);
        List<TopicPartition> partitions = partitions(bootstrap, Topics.NOTIFICATIONS);
        ExecutorService writers = Executors.newFixedThreadPool(partitions.size());
        long jvmCpuBefore = jvmCpuNanos();
        long postgresCpuBefore = postgresCpuNanos();
        long started = System.nanoTime();
        List<Future<Long>> loaded = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            loaded.add(writers.submit(() -> load(bootstrap, partition, batch)));
        }
        long total = 0;
        for (Future<Long> f : loaded) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        writers.shutdown();
        if (total != records) {
            throw new IllegalStateException("peer read " + total + " records, expected " + records);
        }
        double jvm = (jvmCpuNanos() - jvmCpuBefore) / 1e3 / records;
        double postgres = (postgresCpuNanos() - postgresCpuBefore) / 1e3 / records;
        System.out.printf("%-22s %8.1f s %10.0f records/s %7.1f µs CPU/record (this JVM) + %.1f µs (PostgreSQL, all"
                + " its processes)%n", RUN, seconds, records / seconds, jvm, postgres);
    }

    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time of the embedded PostgreSQL server: the postmaster's own and that of the backends it has reaped, plus
     * its live children's (clock ticks of 10 ms). Zero for a server of your own.
     */
    private static long postgresCpuNanos() throws Exception {
        if (server == null) {
            return 0;
        }
        long postmaster;
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'data_directory'")) {
            rs.next();
            postmaster = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).getFirst().trim());
        }
        long ticks = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(postmaster), "stat"))) {
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        try (var children = Files.list(Path.of("/proc"))) {
            for (Path proc : children.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String line = Files.readString(proc.resolve("stat"));
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        }
        return ticks * 10_000_000L;
    }

    private static long load(String bootstrap, TopicPartition partition, int batch) throws Exception {
        long count = 0;
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            int pending = 0;
            try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        ReceivedNotification received = Json.fromBytes(r.value(), ReceivedNotification.class);
                        Notification n = received.notification();
                        insert.setString(1, received.supplier());
                        insert.setString(2, n.notificationId());
                        insert.setString(3, n.subjectId());
                        insert.setString(4, n.type().code());
                        insert.setObject(5, utc(n.occurredAt()));
                        insert.setObject(6, n.endedAt() == null ? null : utc(n.endedAt()));
                        insert.setString(7, n.effectiveEpisodeId());
                        insert.setObject(8, utc(received.receivedAt()));
                        insert.addBatch();
                        count++;
                        if (++pending == batch) {
                            insert.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                c.commit();
            }
        }
        return count;
    }

    /**
     * Compares the peer's ABVs in force with the topology's (the ABV cases on {@code em.breach-cases}, raised and
     * not withdrawn, folded in order) and with {@link AbvCalculator} run directly on a sample of people's battery
     * periods from the input; prints the counts and the first differences.
     */
    static void check(String bootstrap, boolean topologyRan) throws Exception {
        Set<String> peer = new TreeSet<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject_id, at FROM peer.abv WHERE withdrawn_at IS NULL")) {
            while (rs.next()) {
                peer.add(rs.getString(1) + "@" + rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM peer.abv WHERE withdrawn_at IS NOT NULL),"
                     + " (SELECT count(*) FROM peer.too_late), (SELECT count(*) FROM peer.notification),"
                     + " (SELECT count(*) FROM peer.battery_period)")) {
            rs.next();
            System.out.printf("postgres-peer: %d notifications stored, %d battery episodes, %d ABVs in force,"
                            + " %d withdrawn by late data, %d too late%n", rs.getLong(3), rs.getLong(4), peer.size(),
                    rs.getLong(1), rs.getLong(2));
        }
        if (topologyRan) {
            compare("topology (em.breach-cases)", topologyAbvs(bootstrap), peer, s -> true);
        }
        Random random = new Random(7);
        Set<String> sample = new HashSet<>();
        Map<String, Reference> people = reference(bootstrap);
        List<String> subjects = new ArrayList<>(people.keySet());
        while (sample.size() < Math.min(2_000, subjects.size())) {
            sample.add(subjects.get(random.nextInt(subjects.size())));
        }
        AbvCalculator calculator = new AbvCalculator(Duration.ofHours(12), Duration.ofDays(7));
        Set<String> expected = new TreeSet<>();
        for (String subject : sample) {
            Reference person = people.get(subject);
            calculator.calculate(person.periods(), Instant.EPOCH, person.lastReceived()).due()
                    .forEach(abv -> expected.add(subject + "@" + abv.at()));
        }
        compare("AbvCalculator on a sample of " + sample.size() + " people", expected, peer,
                key -> sample.contains(key.substring(0, key.indexOf('@'))));
    }

    private static void compare(String what, Set<String> expected, Set<String> peer,
                                Predicate<String> inScope) {
        Set<String> scoped = new TreeSet<>();
        peer.stream().filter(inScope).forEach(scoped::add);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(scoped);
        Set<String> extra = new TreeSet<>(scoped);
        extra.removeAll(expected);
        System.out.printf("postgres-peer vs %s: %d ABVs there, %d in the peer; %s%n", what, expected.size(),
                scoped.size(), missing.isEmpty() && extra.isEmpty() ? "IDENTICAL"
                        : "DIFFERENT: missing from the peer " + first(missing) + ", only in the peer " + first(extra));
    }

    private static String first(Set<String> keys) {
        return keys.size() + " " + keys.stream().limit(5).toList();
    }

    /** The ABV cases in force on the case topic: every raise and withdrawal of every run, folded in order. */
    private static Set<String> topologyAbvs(String bootstrap) throws Exception {
        Map<String, String> inForce = new LinkedHashMap<>();
        readAll(bootstrap, Topics.CASES, (key, value) -> {
            switch (Json.fromBytes(value, CaseEvent.class)) {
                case BreachCase raised when raised.trigger().equals(BreachCase.TRIGGER_ABV) ->
                        inForce.put(raised.caseId(), raised.subjectId() + "@" + raised.openedAt());
                case BreachCase other -> { }
                case CaseWithdrawal withdrawn -> inForce.remove(withdrawn.caseId());
            }
        });
        return new TreeSet<>(inForce.values());
    }

    /** One person's battery episodes in the input (merged by episode id) and the last time one of theirs arrived. */
    private record Reference(Map<String, BatteryPeriod> episodes, Instant lastReceived) {
        List<BatteryPeriod> periods() {
            return List.copyOf(episodes.values());
        }
    }

    private static Map<String, Reference> reference(String bootstrap) throws Exception {
        Map<String, Reference> people = new HashMap<>();
        readAll(bootstrap, Topics.NOTIFICATIONS, (key, value) -> {
            ReceivedNotification received = Json.fromBytes(value, ReceivedNotification.class);
            Notification n = received.notification();
            Reference person = people.computeIfAbsent(n.subjectId(), s -> new Reference(new HashMap<>(), Instant.EPOCH));
            if (n.type() == BreachType.BATTERY_DEPLETED) {
                Instant end = n.endedAt() == null || n.endedAt().isAfter(n.occurredAt()) ? n.endedAt() : n.occurredAt();
                person.episodes().merge(n.effectiveEpisodeId(), new BatteryPeriod(n.effectiveEpisodeId(), n.occurredAt(), end),
                        (a, b) -> new BatteryPeriod(a.episodeId(), a.from().isBefore(b.from()) ? a.from() : b.from(),
                                a.to() == null ? b.to() : b.to() == null ? a.to() : a.to().isAfter(b.to()) ? a.to() : b.to()));
            }
            Instant last = received.receivedAt().isAfter(person.lastReceived()) ? received.receivedAt() : person.lastReceived();
            people.put(n.subjectId(), new Reference(person.episodes(), last));
        });
        return people;
    }

    private static void readAll(String bootstrap, String topic, BiConsumer<String, byte[]> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> each.accept(r.key(), r.value()));
            }
        }
    }

    private static List<TopicPartition> partitions(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String schema() throws Exception {
        try (InputStream in = PostgresPeer.class.getResourceAsStream("/bench/postgres-peer.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static synchronized Connection connect() throws SQLException {
        if (url == null) {
            String given = System.getProperty("peer.jdbcUrl");
            if (given != null) {
                url = given;
            } else {
                try {
                    Path data = ScratchDirectory.create("bench-peer-pg-", () -> {
                        if (server != null) {
                            server.close();
                        }
                    });
                    server = EmbeddedPostgresServer.start(data, Integer.getInteger("peer.port", 0));
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                url = server.jdbcUrl("postgres");
            }
            url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return DriverManager.getConnection(url, System.getProperty("peer.user", "postgres"),
                System.getProperty("peer.password", ""));
    }
}
