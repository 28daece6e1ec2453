package uk.gov.em.streams.topology;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.Notifications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology against a small, obviously correct reference of docs/policy.md §3: random battery episodes
 * (some overlapping, some split into two notifications, some first reported open and closed later), sent in a
 * random order, so up to 30 days late (every episode starts within 29 days and lasts under a day: no arrival is
 * more than 30 days behind the newest event, the lateness the policy must absorb); the ABVs in force at the end
 * must be exactly the reference's.
 *
 * <p>The reference works minute by minute (episodes start and end on whole minutes, so every ABV does too):
 * it walks T forward one minute at a time, counts the covered minutes in (max(T − 7 days, consumed), T] (by a
 * running total of covered minutes), and
 * raises at the first T where that count reaches 720, then consumes.
 */
class AbvPropertyTest {

    private static final Instant S = Instant.parse("2022-02-01T00:00:00Z");
    private static final int WINDOW_MINUTES = 7 * 24 * 60;
    private static final int THRESHOLD_MINUTES = 12 * 60;
    private static final int SPAN_MINUTES = 29 * 24 * 60;
    private static final Instant FIRST_ARRIVAL = S.plus(Duration.ofDays(30));

    private Path stateDir;

    @BeforeTry
    void createStateDir() throws IOException {
        stateDir = Files.createTempDirectory("abv-property-");
    }

    @AfterTry
    void deleteStateDir() throws IOException {
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 50)
    void theAbvsInForceAreExactlyThoseOfTheReferenceWhateverTheArrivalOrder(
            @ForAll("episodes") List<Episode> episodes, @ForAll Random random) {
        List<Notifications> notifications = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            notifications.addAll(episodes.get(i).notifications("E" + i));
        }
        Collections.shuffle(notifications, random);

        List<Instant> inForce;
        try (BreachDriver driver = new BreachDriver(stateDir, "abv-property", FIRST_ARRIVAL)) {
            Instant received = FIRST_ARRIVAL;
            for (Notifications n : notifications) {
                received = received.plusSeconds(60);
                driver.send(n.receivedAt(received));
            }
            inForce = driver.abvsInForce();
        }

        assertThat(inForce).isEqualTo(reference(episodes));
    }

    /** The reference: minute by minute, no cleverness. */
    static List<Instant> reference(List<Episode> episodes) {
        int horizon = SPAN_MINUTES + 2 * 24 * 60;
        boolean[] covered = new boolean[horizon];
        for (Episode e : episodes) {
            for (int m = e.start(); m < e.start() + e.length(); m++) {
                covered[m] = true;
            }
        }
        int[] coveredBefore = new int[horizon + 1];
        for (int m = 0; m < horizon; m++) {
            coveredBefore[m + 1] = coveredBefore[m] + (covered[m] ? 1 : 0);
        }
        List<Instant> abvs = new ArrayList<>();
        int consumed = 0;
        for (int t = 1; t < horizon; t++) {
            // covered minutes m with max(t − window, consumed) <= m < t
            int count = coveredBefore[t] - coveredBefore[Math.max(t - WINDOW_MINUTES, consumed)];
            if (count >= THRESHOLD_MINUTES) {
                abvs.add(S.plus(Duration.ofMinutes(t)));
                consumed = t;
            }
        }
        return abvs;
    }

    @Provide
    Arbitrary<List<Episode>> episodes() {
        Arbitrary<Episode> episode = Combinators.combine(
                Arbitraries.integers().between(0, SPAN_MINUTES),
                Arbitraries.integers().between(1, 23 * 60),
                Arbitraries.of(Reported.values()),
                Arbitraries.doubles().between(0.05, 0.95)).as(Episode::new);
        return episode.list().ofMinSize(1).ofMaxSize(6);
    }

    /** How an episode reaches the processor. */
    enum Reported { WHOLE, SPLIT_IN_TWO, OPEN_THEN_CLOSED }

    record Episode(int start, int length, Reported reported, double splitAt) {

        List<Notifications> notifications(String id) {
            Instant from = S.plus(Duration.ofMinutes(start));
            Instant to = from.plus(Duration.ofMinutes(length));
            Notifications whole = Notifications.a(BreachType.BATTERY_DEPLETED).id("N-" + id).episode(id)
                    .occurredAt(from).endedAt(to);
            return switch (reported) {
                case WHOLE -> List.of(whole);
                case SPLIT_IN_TWO -> {
                    Instant middle = from.plus(Duration.ofMinutes(Math.max(0, (long) (length * splitAt))));
                    yield List.of(whole.id("N-" + id + "-a").endedAt(middle),
                            whole.id("N-" + id + "-b").occurredAt(middle));
                }
                case OPEN_THEN_CLOSED -> List.of(whole.id("N-" + id + "-open").endedAt(null),
                        whole.id("N-" + id + "-closed"));
            };
        }
    }
}
