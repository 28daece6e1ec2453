package uk.gov.em.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.person.domain.PersonState;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's states written behind (ADR 0010), in the TopologyTestDriver: what notifications change is held until
 * the write interval passes, then written with the offset it has caught up with; and the cases are exactly those
 * of states written at once.
 */
class StateWrittenBehindTest {

    private static final Instant S = Instant.parse("2022-04-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private final List<Notifications> input = List.of(
            battery("S-1", "A", Duration.ZERO, Duration.ofHours(8)),
            battery("S-2", "X", Duration.ofHours(2), Duration.ofHours(13)),
            battery("S-1", "B", Duration.ofHours(20), Duration.ofHours(5)),
            Notifications.a(BreachType.STRAP_TAMPER).subject("S-2").id("N-T").occurredAt(S.plus(Duration.ofDays(1)))
                    .receivedAt(S.plus(Duration.ofDays(1)).plusSeconds(60)));

    @Test
    void changedStatesAreWrittenOnlyWhenTheIntervalHasPassedWithTheOffsetTheyHaveCaughtUpWith() {
        try (BreachDriver driver = new BreachDriver(stateDir, "behind", S)) {
            input.forEach(driver::send);
            KeyValueStore<String, PersonState> people = driver.driver().getKeyValueStore(BreachTopology.PERSON_STORE);
            KeyValueStore<String, Long> writtenUpTo = driver.driver().getKeyValueStore(BreachTopology.WRITTEN_UP_TO_STORE);

            assertThat(people.get("S-1")).as("held in memory, not written yet").isNull();
            assertThat(people.get("S-2")).isNull();
            assertThat(writtenUpTo.get("offset")).as("everything before the first notification").isEqualTo(-1L);

            driver.advanceWallClock(BreachDriver.SETTINGS.stateWriteInterval());

            assertThat(people.get("S-1").episodes()).hasSize(2);
            assertThat(people.get("S-2").episodes()).hasSize(1);
            assertThat(writtenUpTo.get("offset")).as("the offset of the last notification").isEqualTo(3L);
        }
    }

    @Test
    void statesWrittenBehindGiveTheCasesAndTheStoredStatesOfStatesWrittenAtOnce() {
        try (BreachDriver behind = new BreachDriver(stateDir, "behind", S);
             BreachDriver atOnce = new BreachDriver(stateDir, "at-once", S, TopologyEvents.NONE,
                     BreachDriver.SETTINGS.writingStateAtOnce())) {
            input.forEach(behind::send);
            input.forEach(atOnce::send);
            behind.advanceWallClock(BreachDriver.SETTINGS.stateWriteInterval());
            atOnce.advanceWallClock(BreachDriver.SETTINGS.stateWriteInterval());

            assertThat(behind.cases()).hasSizeGreaterThanOrEqualTo(2).isEqualTo(atOnce.cases());
            for (String person : List.of("S-1", "S-2")) {
                assertThat(behind.driver().<String, PersonState>getKeyValueStore(BreachTopology.PERSON_STORE).get(person))
                        .isEqualTo(atOnce.driver().<String, PersonState>getKeyValueStore(BreachTopology.PERSON_STORE)
                                .get(person));
            }
            assertThat(atOnce.driver().<String, Long>getKeyValueStore(BreachTopology.WRITTEN_UP_TO_STORE).get("offset"))
                    .as("no offset is kept when states are written at once").isNull();
        }
    }

    private static Notifications battery(String subject, String episode, Duration from, Duration length) {
        Instant start = S.plus(from);
        Instant end = start.plus(length);
        return Notifications.a(BreachType.BATTERY_DEPLETED).subject(subject).id("N-" + episode).episode(episode)
                .occurredAt(start).endedAt(end).receivedAt(end.plusSeconds(300));
    }
}
