package uk.gov.em.streams.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.topology.BreachStreamsConfig;
import uk.gov.em.streams.topology.BreachTopology;
import uk.gov.em.streams.topology.TopologyEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The reduction benchmark: six simulated months shaped like the published "breaches by type" table
 * (deploy/src/main/resources/simulation/breaches-by-type-2021-09_2022-02.csv, copied below), fed in arrival order through the real
 * topology (TopologyTestDriver, wall clock following the arrivals), counting battery notifications in and
 * ABV cases out. Not a test: run by hand (see docs/benchmarks.md). Arguments: people [seed].
 */
public final class SixMonthSimulation {

    /** Monthly counts 2021-09 … 2022-02 from the published table. */
    private static final Map<String, int[]> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("BATTERY_DEPLETED", new int[]{314, 498, 670, 966, 1156, 1363});
        TABLE.put("ABSENCE_15_MIN", new int[]{191, 190, 127, 128, 155, 124});
        TABLE.put("CURFEW_MISSED_FULL", new int[]{133, 81, 70, 76, 26, 7});
        TABLE.put("INTERFERENCE_PID", new int[]{25, 43, 54, 59, 91, 75});
        TABLE.put("NOT_AVAILABLE_FOR_INSTALLATION", new int[]{41, 41, 47, 58, 67, 67});
        TABLE.put("OTHER", new int[]{12, 23, 32, 23, 38, 60});
    }

    private static final BreachType[] OTHER = {BreachType.LOCATION_BREACH, BreachType.STRAP_TAMPER,
            BreachType.MONITOR_MOVEMENT, BreachType.HMU_INTERFERENCE, BreachType.DEVICE_FAULT, BreachType.AC_POWER_LOSS};

    private SixMonthSimulation() {
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2022;
        Random random = new Random(seed);
        double[] weight = new double[people];
        double total = 0;
        for (int i = 0; i < people; i++) {
            // Pareto(α = 1.2) propensity: a few people's devices run flat far more often than most.
            weight[i] = Math.pow(1 - random.nextDouble(), -1 / 1.2);
            total += weight[i];
        }
        List<ReceivedNotification> input = new ArrayList<>();
        int batteryNotifications = 0;
        int otherNotifications = 0;
        int episodes = 0;
        int sequence = 0;
        YearMonth first = YearMonth.of(2021, 9);
        for (Map.Entry<String, int[]> row : TABLE.entrySet()) {
            for (int m = 0; m < 6; m++) {
                YearMonth month = first.plusMonths(m);
                Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                long seconds = Duration.between(from, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).toSeconds();
                for (int k = 0; k < row.getValue()[m]; k++) {
                    String subject = "S-" + pick(weight, total, random);
                    Instant at = from.plusSeconds((long) (random.nextDouble() * seconds));
                    String id = "SIM-" + (++sequence);
                    if (row.getKey().equals("BATTERY_DEPLETED")) {
                        episodes++;
                        // Duration: log-normal, median 2 h, σ = 1.1 (p90 ≈ 8 h), at most 3 days.
                        long length = Math.min(3 * 86_400, (long) (7200 * Math.exp(1.1 * random.nextGaussian())));
                        Instant end = at.plusSeconds(Math.max(60, length));
                        if (random.nextDouble() < 0.2) {
                            // reported open when it starts, closed by a second notification when it ends
                            input.add(received(id + "-open", subject, BreachType.BATTERY_DEPLETED, at, null, id, at.plusSeconds(60)));
                            input.add(received(id, subject, BreachType.BATTERY_DEPLETED, at, end, id, end.plusSeconds(60)));
                            batteryNotifications += 2;
                        } else {
                            input.add(received(id, subject, BreachType.BATTERY_DEPLETED, at, end, id,
                                    end.plusSeconds(30 + random.nextInt(600))));
                            batteryNotifications++;
                        }
                    } else {
                        BreachType type = row.getKey().equals("OTHER") ? OTHER[random.nextInt(OTHER.length)]
                                : BreachType.valueOf(row.getKey());
                        input.add(received(id, subject, type, at, null, null, at.plusSeconds(30 + random.nextInt(600))));
                        otherNotifications++;
                    }
                }
            }
        }
        // The supplier's daily report repeats 30 % of the day's notifications the next morning (de-duplicated).
        List<ReceivedNotification> replays = new ArrayList<>();
        for (ReceivedNotification r : input) {
            if (r.notification().endedAt() != null || !r.notification().type().isEpisode()) {
                if (random.nextDouble() < 0.3) {
                    Instant nextMorning = LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC).plusDays(1)
                            .atTime(6, 0).toInstant(ZoneOffset.UTC);
                    replays.add(new ReceivedNotification(r.supplier(), nextMorning, r.notification()));
                }
            }
        }
        input.addAll(replays);
        input.sort(Comparator.comparing(ReceivedNotification::receivedAt));

        Path stateDir = Files.createTempDirectory("six-months-");
        Instant clock = input.getFirst().receivedAt();
        Map<String, BreachCase> inForce = new TreeMap<>();
        int raised = 0;
        int withdrawn = 0;
        int abvRaised = 0;
        int abvWithdrawn = 0;
        long started = System.nanoTime();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                BreachTopology.build(PolicySettings.of(PolicyLoader.loadDefault()), TopologyEvents.NONE),
                BreachStreamsConfig.of("six-months", "unused:9092", stateDir), clock)) {
            TestInputTopic<String, ReceivedNotification> in = driver.createInputTopic(Topics.NOTIFICATIONS,
                    Serdes.String().serializer(), JsonSerde.of(ReceivedNotification.class));
            TestOutputTopic<String, CaseEvent> out = driver.createOutputTopic(Topics.CASES,
                    Serdes.String().deserializer(), JsonSerde.of(CaseEvent.class));
            List<CaseEvent> events = new ArrayList<>();
            for (ReceivedNotification r : input) {
                if (r.receivedAt().isAfter(clock)) {
                    driver.advanceWallClockTime(Duration.between(clock, r.receivedAt()));
                    clock = r.receivedAt();
                }
                in.pipeInput(r.subjectId(), r, r.receivedAt());
                events.addAll(out.readValuesToList());
            }
            driver.advanceWallClockTime(Duration.ofDays(8));
            events.addAll(out.readValuesToList());
            Map<String, String> triggerOf = new TreeMap<>();
            for (CaseEvent e : events) {
                switch (e) {
                    case BreachCase c -> {
                        raised++;
                        triggerOf.put(c.caseId(), c.trigger());
                        if (BreachCase.TRIGGER_ABV.equals(c.trigger())) {
                            abvRaised++;
                        }
                        inForce.put(c.caseId(), c);
                    }
                    case CaseWithdrawal w -> {
                        withdrawn++;
                        if (BreachCase.TRIGGER_ABV.equals(triggerOf.get(w.caseId()))) {
                            abvWithdrawn++;
                        }
                        inForce.remove(w.caseId());
                    }
                }
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long abvInForce = inForce.values().stream().filter(c -> BreachCase.TRIGGER_ABV.equals(c.trigger())).count();
        long sevenDays = inForce.values().stream().filter(c -> BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS.equals(c.trigger())).count();
        long otherCases = inForce.size() - abvInForce - sevenDays;
        Map<String, Long> byQueue = new TreeMap<>();
        inForce.values().forEach(c -> byQueue.merge(c.queue().path(), 1L, Long::sum));
        int withoutPolicy = episodes + otherNotifications;
        System.out.printf("people=%d seed=%d records=%d (daily-report repeats %d) elapsed=%.1fs (%.0f records/s)%n",
                people, seed, input.size(), replays.size(), elapsed, input.size() / elapsed);
        System.out.printf("battery episodes=%d battery notifications (live)=%d other notifications=%d%n",
                episodes, batteryNotifications, otherNotifications);
        System.out.printf("ABV raised=%d withdrawn=%d in force=%d; 7-day cases=%d; other cases=%d; events raised=%d withdrawn=%d%n",
                abvRaised, abvWithdrawn, abvInForce, sevenDays, otherCases, raised, withdrawn);
        System.out.printf("battery episodes -> ABV cases: %d -> %d (%.1f %% fewer)%n", episodes, abvInForce,
                100.0 * (episodes - abvInForce) / episodes);
        System.out.printf("caseworker cases: one per breach %d -> policy %d (%.1f %% fewer); by queue %s%n",
                withoutPolicy, inForce.size(), 100.0 * (withoutPolicy - inForce.size()) / withoutPolicy, byQueue);
    }

    private static int pick(double[] weight, double total, Random random) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x <= 0) {
                return i;
            }
        }
        return weight.length - 1;
    }

    private static ReceivedNotification received(String id, String subject, BreachType type, Instant at, Instant end,
                                                 String episode, Instant receivedAt) {
        return new ReceivedNotification("ems", receivedAt, new Notification(id, subject, "DEV-" + subject, type, at,
                end, episode, null));
    }
}
