package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.person.domain.PersonPolicy;
import uk.gov.em.streams.person.domain.PersonState;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier bug floods one person with 20,000 distinct notifications (breach-streams' bounded state, ADR 0005).
 * The test driver runs every person in one task, as people sharing a partition are on a broker; it does not
 * enforce the broker's record size limit, so the test measures every record the flood writes to the person
 * store's changelog and holds it well under that limit (1 MiB by default: {@code max.request.size} of the
 * producer and {@code message.max.bytes} of the broker), the size at which the task would stop for everyone.
 */
class FloodedPersonTopologyTest {

    private static final int FLOOD = 20_000;
    private static final int ONE_MIB = 1 << 20;
    private static final String APPLICATION_ID = "flood-test";
    private static final Instant START = Instant.parse("2022-02-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private BreachDriver driver;
    private TestOutputTopic<byte[], byte[]> personChangelog;
    private TestOutputTopic<String, CaseEvent> cases;

    @BeforeEach
    void start() {
        driver = new BreachDriver(stateDir, APPLICATION_ID, START);
        personChangelog = driver.driver().createOutputTopic(APPLICATION_ID + "-" + BreachTopology.PERSON_STORE + "-changelog",
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        cases = driver.driver().createOutputTopic(Topics.CASES, Serdes.String().deserializer(), JsonSerde.of(CaseEvent.class));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void twentyThousandDistinctNotificationsForOnePersonKeepTheirStateSmallAndAnotherPersonStillGetsTheirCase() {
        int largestStateRecord = 0;
        int floodCases = 0;
        for (int i = 0; i < FLOOD; i++) {
            // one a minute for two weeks: every one inside the de-duplication, lateness and ladder horizons
            Instant received = START.plus(Duration.ofMinutes(i));
            Notifications n = i % 2 == 0
                    ? Notifications.a(BreachType.ABSENCE_15_MIN).occurredAt(received.minusSeconds(30))
                    : Notifications.a(BreachType.BATTERY_DEPLETED).episode("EP-" + i).occurredAt(received.minusSeconds(50))
                    .endedAt(received.minusSeconds(20));
            driver.send(n.subject("S-FLOOD").id("N-" + i).receivedAt(received));
            if (i % 500 == 499) {
                largestStateRecord = Math.max(largestStateRecord, largestRecord(personChangelog.readValuesToList()));
                floodCases += cases.readValuesToList().size();
            }
        }
        driver.send(Notifications.a(BreachType.STRAP_TAMPER).subject("S-OTHER").id("N-other")
                .receivedAt(START.plus(Duration.ofMinutes(FLOOD))));

        List<CaseEvent> last = cases.readValuesToList();
        PersonState flooded = driver.driver().<String, PersonState>getKeyValueStore(BreachTopology.PERSON_STORE)
                .get("S-FLOOD");
        assertThat(last).filteredOn(c -> c.subjectId().equals("S-OTHER")).singleElement()
                .isInstanceOfSatisfying(BreachCase.class, c -> assertThat(c.trigger()).isEqualTo("STRAP_TAMPER"));
        assertThat(floodCases + last.size() - 1).as("every flooded catalogue notification still raises its case")
                .isEqualTo(FLOOD / 2);
        assertThat(flooded.episodes()).hasSize(PersonPolicy.MAX_EPISODES);
        assertThat(flooded.ladder()).hasSize(PersonPolicy.MAX_LADDER);
        assertThat(largestStateRecord).as("largest person-store changelog record, bytes").isLessThan(ONE_MIB / 16);
    }

    @Test
    void aNotificationOpeningOneEpisodeTooManyIsNotAppliedButOneAboutAnEpisodeHeldStillIs() {
        List<String> refused = new ArrayList<>();
        BreachDriver counting = new BreachDriver(stateDir, "flood-counting", START, new TopologyEvents() {
            @Override
            public void refused(String subjectId) {
                refused.add(subjectId);
            }
        });
        try (counting) {
            for (int i = 0; i <= PersonPolicy.MAX_EPISODES; i++) {
                Instant received = START.plus(Duration.ofMinutes(i));
                counting.send(Notifications.a(BreachType.OUT_OF_CONTACT).subject("S-FLOOD").id("N-" + i).episode("EP-" + i)
                        .occurredAt(received.minusSeconds(50)).endedAt(received.minusSeconds(20)).receivedAt(received));
            }
            Instant later = START.plus(Duration.ofHours(10));
            counting.send(Notifications.a(BreachType.OUT_OF_CONTACT).subject("S-FLOOD").id("N-again").episode("EP-0")
                    .occurredAt(START.minus(Duration.ofMinutes(5))).endedAt(START).receivedAt(later));

            KeyValueStore<String, PersonState> people = counting.driver().getKeyValueStore(BreachTopology.PERSON_STORE);
            assertThat(refused).containsExactly("S-FLOOD");
            assertThat(people.get("S-FLOOD").episodes()).hasSize(PersonPolicy.MAX_EPISODES)
                    .noneMatch(e -> e.episodeId().equals("EP-" + PersonPolicy.MAX_EPISODES))
                    .anySatisfy(e -> {
                        assertThat(e.episodeId()).isEqualTo("EP-0");
                        assertThat(e.start()).isEqualTo(START.minus(Duration.ofMinutes(5)));
                    });
        }
    }

    private static int largestRecord(List<byte[]> values) {
        return values.stream().mapToInt(v -> v == null ? 0 : v.length).max().orElse(0);
    }
}
