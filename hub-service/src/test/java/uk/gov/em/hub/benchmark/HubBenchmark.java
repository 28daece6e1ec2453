package uk.gov.em.hub.benchmark;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.queue.domain.QueueOrderKey;
import uk.gov.em.hub.testing.ACase;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.testing.KafkaHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub's benchmarks (docs/benchmarks.md, "Hub service"). Not part of {@code verify}: run with
 * {@code ./mvnw -B -pl hub-service verify -Dit.test=HubBenchmark -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results are printed and written to {@code target/hub-benchmark.txt}.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubBenchmark extends HubIntegrationTest {

    private static final int INGEST_CASES = 50_000;
    private static final int QUEUE_CASES = 1_000_000;
    private static final int CONTENDED_CASES = 2_000;
    private static final int CLAIMERS = 16;

    private final List<String> report = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // the backlog is on the topic before the hub starts: it then drains it as fast as it can
        produceBacklog();
        return properties;
    }

    private static void produceBacklog() {
        JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "10"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < INGEST_CASES; i++) {
                BreachCase c = ACase.aCase().in(Queue.values()[i % 3]).severity(Severity.values()[i % 4])
                        .harm(i % 5 == 4 ? null : HarmLevel.values()[i % 4]).openedAt(ACase.T0.plusSeconds(i)).build();
                producer.send(new ProducerRecord<>(Topics.CASES, c.subjectId(), serde.serialize(Topics.CASES, c)));
            }
            producer.flush();
        }
    }

    @Test
    @Order(1)
    void caseIngestRateAgainstAPlainBatchedJdbcInsertOfTheSameRows() throws SQLException {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT count(*) FROM breach_case") == INGEST_CASES);
        double hubSeconds;
        try (Connection c = superuser(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT extract(epoch FROM max(stored_at) - min(stored_at)) FROM breach_case")) {
            rs.next();
            hubSeconds = rs.getDouble(1);
        }
        double plainSeconds = plainBatchedInsert();
        double hubRate = INGEST_CASES / hubSeconds;
        double plainRate = INGEST_CASES / plainSeconds;
        line("case ingest: %d cases from em.breach-cases in %.2f s = %.0f cases/s (with %d audit rows)",
                INGEST_CASES, hubSeconds, hubRate, count("SELECT count(*) FROM audit_event"));
        line("plain batched JDBC insert (500/batch, commit per batch, same rows and indexes): %.2f s = %.0f rows/s",
                plainSeconds, plainRate);
        line("ratio hub / plain = %.2f", hubRate / plainRate);
    }

    private double plainBatchedInsert() throws SQLException {
        try (Connection c = superuser()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_copy (LIKE breach_case INCLUDING ALL)");
            }
            List<Object[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT case_id, subject_id, queue, severity, harm_level, trigger, policy_version, rule_id,
                           evidence::text, explanation, opened_at, raised_at, stored_at FROM breach_case""")) {
                while (rs.next()) {
                    Object[] row = new Object[13];
                    for (int i = 0; i < 13; i++) {
                        row[i] = i >= 10 ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO bench_copy (case_id, subject_id, queue, severity, harm_level, trigger, policy_version,
                                            rule_id, evidence, explanation, opened_at, raised_at, stored_at, status,
                                            status_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 'OPEN', ?)
                    ON CONFLICT (case_id) DO NOTHING""")) {
                for (int n = 0; n < rows.size(); n++) {
                    Object[] row = rows.get(n);
                    for (int i = 0; i < 13; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.setObject(14, row[12]);
                    ps.addBatch();
                    if (n % 500 == 499 || n == rows.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    @Test
    @Order(2)
    void queuePageLatencyWithAMillionOpenCases() {
        long start = System.nanoTime();
        sql("""
                INSERT INTO breach_case (case_id, subject_id, queue, severity, harm_level, trigger, policy_version, rule_id,
                                         evidence, explanation, opened_at, raised_at, stored_at, status, status_changed_at)
                SELECT 'bulk-' || g, 'subject-' || (g %% 200000), 'warnings',
                       (ARRAY['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g %% 4],
                       (ARRAY['VERY_HIGH','HIGH','MEDIUM','LOW', NULL])[1 + g %% 5],
                       'CURFEW_MISSED_FULL', 'policy-2022.1', 'ladder.warning', '{}'::jsonb, 'bulk case',
                       timestamptz '2022-01-01' + g * interval '7 seconds', now(), now(), 'OPEN', now()
                  FROM generate_series(1, %d) g""".formatted(QUEUE_CASES));
        sql("ANALYZE breach_case");
        line("loaded %d open cases into warnings in %.1f s", QUEUE_CASES, (System.nanoTime() - start) / 1e9);
        String token = tokenAs("bench-reader", "CASEWORKER");
        for (int i = 0; i < 100; i++) {
            getJson("/api/v1/queues/warnings?limit=50", token);
        }
        long[] first = new long[500];
        for (int i = 0; i < first.length; i++) {
            long t = System.nanoTime();
            getJson("/api/v1/queues/warnings?limit=50", token);
            first[i] = System.nanoTime() - t;
        }
        long[] walk = new long[1000];
        String cursor = null;
        for (int i = 0; i < walk.length; i++) {
            long t = System.nanoTime();
            var page = getJson("/api/v1/queues/warnings?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), token);
            walk[i] = System.nanoTime() - t;
            cursor = page.get("nextCursor").asText();
        }
        line("queue page (limit 50, HTTP round trip incl. JWT check and JSON), first page x%d: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                first.length, pct(first, 50), pct(first, 99), pct(first, 100));
        line("walking pages 1..1000 by cursor: p50 %.2f ms, p99 %.2f ms; pages 901-1000 alone: p99 %.2f ms",
                pct(walk, 50), pct(walk, 99), pct(Arrays.copyOfRange(walk, 900, 1000), 99));
        line("the page query alone in PostgreSQL (EXPLAIN ANALYZE execution time, best of 20): first page %.3f ms,"
                + " page 1001 %.3f ms", explainedMillis(null), explainedMillis(cursorKey(cursor)));
    }

    /** The severity rank, harm rank, openedAt and case id the 1000th page ended on. */
    private String[] cursorKey(String cursor) {
        QueueOrderKey key = QueueOrderKey.fromCursor(cursor, Queue.WARNINGS);
        return new String[]{Integer.toString(key.severityRank()), Integer.toString(key.harmRank()),
                key.openedAt().toString(), key.caseId()};
    }

    private double explainedMillis(String[] after) {
        String seek = after == null ? "" : " AND (severity_rank, harm_rank, opened_at, case_id) > (%s, %s, '%s', '%s')"
                .formatted((Object[]) after);
        String sql = "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM breach_case WHERE queue = 'warnings' AND lane = 'OPEN'"
                + seek + " ORDER BY severity_rank, harm_rank, opened_at, case_id LIMIT 51";
        double best = Double.MAX_VALUE;
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            for (int i = 0; i < 20; i++) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    String plan = rs.getString(1);
                    int at = plan.indexOf("\"Execution Time\": ") + "\"Execution Time\": ".length();
                    best = Math.min(best, Double.parseDouble(plan.substring(at, plan.indexOf('\n', at)).replace(",", "").trim()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return best;
    }

    @Test
    @Order(3)
    void claimThroughputUnderContention() throws Exception {
        List<String> ids = new ArrayList<>();
        getIds(ids, CONTENDED_CASES + 500);
        List<String> contended = ids.subList(0, CONTENDED_CASES);
        List<String> uncontended = ids.subList(CONTENDED_CASES, ids.size());

        String solo = tokenAs("bench-solo", "CASEWORKER");
        long t0 = System.nanoTime();
        for (String id : uncontended) {
            assertThat(post("/api/v1/cases/" + id + "/claim", null, solo).statusCode()).isEqualTo(200);
        }
        double soloSeconds = (System.nanoTime() - t0) / 1e9;

        AtomicInteger won = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CLAIMERS; t++) {
            String token = tokenAs("bench-claimer-" + t, "CASEWORKER");
            done.add(pool.submit(() -> {
                go.await();
                for (String id : contended) {
                    int code = post("/api/v1/cases/" + id + "/claim", null, token).statusCode();
                    (code == 200 ? won : lost).incrementAndGet();
                }
                return null;
            }));
        }
        long t1 = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        pool.shutdown();
        line("claims, 1 thread, no contention: %d in %.2f s = %.0f claims/s", uncontended.size(), soloSeconds,
                uncontended.size() / soloSeconds);
        line("claims, %d threads racing for the same %d cases in the same order: %d attempts in %.2f s = %.0f attempts/s,"
                        + " %d won (%.0f successful claims/s), %d refused with 409",
                CLAIMERS, CONTENDED_CASES, won.get() + lost.get(), seconds, (won.get() + lost.get()) / seconds,
                won.get(), won.get() / seconds, lost.get());
        assertThat(won.get()).isEqualTo(CONTENDED_CASES);
    }

    private void getIds(List<String> ids, int n) {
        String token = tokenAs("bench-reader", "CASEWORKER");
        String cursor = null;
        while (ids.size() < n) {
            var page = getJson("/api/v1/queues/warnings?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token);
            page.get("items").forEach(i -> ids.add(i.get("caseId").asText()));
            cursor = page.get("nextCursor").asText();
        }
        ids.subList(n, ids.size()).clear();
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private void line(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCHMARK " + line);
        report.add(line);
    }

    @AfterAll
    void writeReport() {
        try {
            Files.write(Path.of("target", "hub-benchmark.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
