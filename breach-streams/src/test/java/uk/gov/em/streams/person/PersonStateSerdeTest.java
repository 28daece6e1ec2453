package uk.gov.em.streams.person;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.person.domain.PersonState;
import uk.gov.em.streams.person.domain.PersonState.AbvInForce;
import uk.gov.em.streams.serde.BinarySerde;
import uk.gov.em.streams.serde.BinarySerdeContract;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.streams.serde.BinaryArbitraries.hexOrAnyStrings;
import static uk.gov.em.streams.serde.BinaryArbitraries.instants;
import static uk.gov.em.streams.serde.BinaryArbitraries.strings;

class PersonStateSerdeTest extends BinarySerdeContract<PersonState> {

    private final PersonStateSerde serde = new PersonStateSerde();

    @Override
    protected BinarySerde<PersonState> serde() {
        return serde;
    }

    @Override
    protected Class<PersonState> type() {
        return PersonState.class;
    }

    @Override
    protected PersonState realistic() {
        return realisticState();
    }

    @Property(tries = 500)
    void anyPersonStateRoundTripsToAnEqualRecord(@ForAll("states") PersonState state) {
        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Example
    void theEmptyStateRoundTrips() {
        assertThat(roundTrip(PersonState.EMPTY)).isEqualTo(PersonState.EMPTY);
    }

    @Example
    void aRealisticStateRoundTripsWithEveryInstantToTheNanosecond() {
        PersonState state = realisticState();

        assertThat(roundTrip(state)).isEqualTo(state);
        assertThat(roundTrip(state).episodes().getFirst().reports().getFirst().receivedAt())
                .isEqualTo(Instant.parse("2022-02-01T10:16:03.123456789Z"));
    }

    @Example
    void aStateWrittenInFormatTwoReadsWithEveryEntrySetAsideUpToTheNewestSeen() throws IOException {
        PersonState written = realisticState();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        // format 2 as it was written before ADR 0008: format 3 without its two last fields, the recent entries
        // (a list: its count as an int, then each entry) and setAsideUntil (nullable: a boolean, then the instant)
        byte[] format3 = serde.serialize(TOPIC, new PersonState(written.newestEventTime(), written.decidedUntil(),
                written.frozenConsumedUntil(), written.episodes(), written.abvs(), written.ladder(),
                written.newestSeenAt(), written.wakeAt(), List.of(), null));
        out.write(2);
        out.write(format3, 1, format3.length - 1 - Integer.BYTES - 1);

        PersonState read = serde.deserialize(TOPIC, bytes.toByteArray());

        assertThat(read.episodes()).isEqualTo(written.episodes());
        assertThat(read.wakeAt()).isEqualTo(written.wakeAt());
        assertThat(read.recentSeen()).isEmpty();
        assertThat(read.setAsideUntil()).isEqualTo(written.newestSeenAt());
    }

    /** A person a few weeks into an order: battery and contact episodes, ABVs, a ladder, a day of notifications. */
    private static PersonState realisticState() {
        Instant t = Instant.parse("2022-02-01T10:15:00Z");
        Instant received = Instant.parse("2022-02-01T10:16:03.123456789Z");
        List<Episode> episodes = List.of(
                new Episode(BreachType.BATTERY_DEPLETED, "EP-2022-000101", t, t.plus(Duration.ofHours(5)), List.of(
                        new Episode.Report("N-2022-000101-a", t, t.plus(Duration.ofHours(2)), received),
                        new Episode.Report("N-2022-000101-b", t.plus(Duration.ofHours(2)), t.plus(Duration.ofHours(5)),
                                received.plus(Duration.ofHours(5)))), null),
                new Episode(BreachType.OUT_OF_CONTACT, "EP-2022-000102", t.plus(Duration.ofDays(1)), null, List.of(
                        new Episode.Report("N-2022-000102", t.plus(Duration.ofDays(1)), null,
                                received.plus(Duration.ofDays(1)))), "CASE-7D-S-000123-EP-2022-000102"),
                new Episode(BreachType.BATTERY_DEPLETED, "N-2022-000103", t.plus(Duration.ofDays(2)),
                        t.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)), List.of(
                        new Episode.Report("N-2022-000103", t.plus(Duration.ofDays(2)),
                                t.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)), received.plus(Duration.ofDays(2)))),
                        null));
        List<AbvInForce> abvs = List.of(
                new AbvInForce(t.plus(Duration.ofDays(2)).plus(Duration.ofHours(7)), "CASE-ABV-S-000123-20220203T171500Z"));
        List<QualifyingBreach> ladder = List.of(
                new QualifyingBreach("ABV", t.plus(Duration.ofDays(2)), "CASE-ABV-S-000123-20220203T171500Z"),
                new QualifyingBreach("CURFEW_MISSED_FULL", t.plus(Duration.ofDays(3)), "CASE-S-000123-N-2022-000150"),
                new QualifyingBreach("ABSENCE_15_MIN", t.plus(Duration.ofDays(4)), "CASE-S-000123-N-2022-000160"));
        List<SeenNotification> recentSeen = List.of(
                new SeenNotification("ems/N-2022-000150", "0123456789abcdef0123456789abcdef", t.plus(Duration.ofDays(3)),
                        false),
                new SeenNotification("ems/N-2022-000160", "fedcba9876543210fedcba9876543210", t.plus(Duration.ofDays(4)),
                        true));
        return new PersonState(t.plus(Duration.ofDays(4)), received.plus(Duration.ofDays(4)), t.plus(Duration.ofDays(1)),
                episodes, abvs, ladder, received.plus(Duration.ofDays(4)), t.plus(Duration.ofDays(5)), recentSeen,
                t.plus(Duration.ofDays(2)));
    }

    @Provide
    Arbitrary<PersonState> states() {
        Arbitrary<Episode.Report> report = Combinators.combine(strings(), instants(), instants().injectNull(0.3),
                instants()).as(Episode.Report::new);
        Arbitrary<Episode> episode = Combinators.combine(Arbitraries.of(BreachType.class), strings(), instants(),
                instants().injectNull(0.3), report.list().ofMinSize(1).ofMaxSize(4), strings().injectNull(0.5))
                .as(Episode::new);
        Arbitrary<AbvInForce> abv = Combinators.combine(instants().injectNull(0.1), strings().injectNull(0.1))
                .as(AbvInForce::new);
        Arbitrary<QualifyingBreach> breach = Combinators.combine(strings(), instants(), strings())
                .as(QualifyingBreach::new);
        Arbitrary<SeenNotification> seen = Combinators.combine(strings(), hexOrAnyStrings(), instants(),
                Arbitraries.of(true, false)).as(SeenNotification::new);
        return Combinators.combine(instants().injectNull(0.3), instants().injectNull(0.3), instants().injectNull(0.3),
                episode.list().ofMaxSize(4), abv.list().ofMaxSize(4), breach.list().ofMaxSize(4),
                instants().injectNull(0.3), instants().injectNull(0.3))
                .as((newest, decided, frozen, episodes, abvs, ladder, newestSeen, wake) -> new PersonState(newest,
                        decided, frozen, episodes, abvs, ladder, newestSeen, wake, List.of(), null))
                .flatMap(state -> Combinators.combine(seen.list().ofMaxSize(4), instants().injectNull(0.3))
                        .as((recent, setAsideUntil) -> new PersonState(state.newestEventTime(), state.decidedUntil(),
                                state.frozenConsumedUntil(), state.episodes(), state.abvs(), state.ladder(),
                                state.newestSeenAt(), state.wakeAt(), recent, setAsideUntil)));
    }
}
