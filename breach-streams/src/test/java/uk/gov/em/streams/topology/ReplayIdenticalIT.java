package uk.gov.em.streams.topology;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.streams.Notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology on the real broker with exactly-once v2: late battery data that moves an ABV, a split and an
 * open-then-closed episode, the ladder and a conflicting duplicate give exactly the case events the
 * TopologyTestDriver gives (no twin, none lost); and replaying the input topic into a fresh application id
 * gives the identical set of case events again.
 */
class ReplayIdenticalIT {

    private static final Instant S = Instant.parse("2022-02-01T00:00:00Z");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path stateDir;

    @Test
    void theRealBrokerUnderExactlyOnceGivesTheDriversCaseEventsAndAReplayGivesThemAgain() throws Exception {
        List<Notifications> input = input();
        List<CaseEvent> expected;
        try (BreachDriver reference = new BreachDriver(stateDir, "reference", S)) {
            input.forEach(reference::send);
            expected = reference.cases();
        }
        assertThat(expected).hasSizeGreaterThan(8);
        Set<String> subjects = input.stream().map(Notifications::subjectId).collect(Collectors.toSet());

        OnTheBroker.produce(input);
        try (KafkaStreams first = OnTheBroker.start("replay-first-" + run, stateDir)) {
            assertThat(OnTheBroker.awaitCaseEvents(subjects, expected.size())).containsExactlyInAnyOrderElementsOf(expected);
        }
        try (KafkaStreams replay = OnTheBroker.start("replay-second-" + run, stateDir)) {
            List<CaseEvent> both = OnTheBroker.awaitCaseEvents(subjects, 2 * expected.size());
            Map<CaseEvent, Long> counts = both.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(counts.values()).allMatch(n -> n == 2);
        }
    }

    private List<Notifications> input() {
        String p1 = "S-REPLAY-1-" + run;
        String p2 = "S-REPLAY-2-" + run;
        List<Notifications> in = new ArrayList<>();
        in.add(battery(p1, "B", Duration.ofHours(20), Duration.ofHours(12)));
        in.add(battery(p1, "C", Duration.ofDays(2), null).id("N-C-open-" + run).receivedAt(S.plus(Duration.ofDays(2)).plusSeconds(5)));
        in.add(battery(p1, "C", Duration.ofDays(2), Duration.ofHours(15)).id("N-C-end-" + run)
                .receivedAt(S.plus(Duration.ofDays(2)).plusSeconds(15 * 3600 + 60)));
        in.add(battery(p1, "A", Duration.ZERO, Duration.ofHours(6)).receivedAt(S.plus(Duration.ofDays(3))));
        in.add(breach(p1, BreachType.ABSENCE_15_MIN, "1", Duration.ofDays(4)));
        in.add(breach(p1, BreachType.CURFEW_MISSED_FULL, "2", Duration.ofDays(5)));
        in.add(breach(p1, BreachType.CURFEW_MISSED_FULL, "2", Duration.ofDays(5)).occurredAt(S.plus(Duration.ofDays(6)))
                .receivedAt(S.plus(Duration.ofDays(6))));
        in.add(battery(p2, "X", Duration.ofHours(8), Duration.ofHours(6)).id("N-X-end-" + run));
        in.add(battery(p2, "X", Duration.ZERO, Duration.ofHours(8)).id("N-X-start-" + run)
                .receivedAt(S.plus(Duration.ofHours(15))));
        in.add(breach(p2, BreachType.STRAP_TAMPER, "3", Duration.ofDays(1)));
        in.add(breach(p2, BreachType.INABILITY_TO_MONITOR, "4", Duration.ofDays(1)));
        return in;
    }

    private Notifications battery(String subject, String episode, Duration from, Duration length) {
        Instant start = S.plus(from);
        Instant end = length == null ? null : start.plus(length);
        return Notifications.a(BreachType.BATTERY_DEPLETED).subject(subject).id("N-" + episode + "-" + run)
                .episode(episode + "-" + run).occurredAt(start).endedAt(end)
                .receivedAt((end == null ? start : end).plusSeconds(300));
    }

    private Notifications breach(String subject, BreachType type, String id, Duration at) {
        return Notifications.a(type).subject(subject).id("N-" + id + "-" + run).occurredAt(S.plus(at))
                .receivedAt(S.plus(at).plusSeconds(90));
    }
}
