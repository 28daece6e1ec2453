package uk.gov.em.streams.dedup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.dedup.domain.Sighting;
import uk.gov.em.streams.serde.BinarySerde;
import uk.gov.em.streams.serde.BinarySerdeContract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.em.streams.serde.BinaryArbitraries.hexOrAnyStrings;
import static uk.gov.em.streams.serde.BinaryArbitraries.instants;
import static uk.gov.em.streams.serde.BinaryArbitraries.strings;

class SightingSerdeTest extends BinarySerdeContract<Sighting> {

    private final SightingSerde serde = new SightingSerde();

    @Override
    protected BinarySerde<Sighting> serde() {
        return serde;
    }

    @Override
    protected Class<Sighting> type() {
        return Sighting.class;
    }

    @Override
    protected Sighting realistic() {
        return realisticSighting();
    }

    @Property(tries = 500)
    void anySightingRoundTripsToAnEqualRecord(@ForAll("sightings") Sighting sighting) {
        assertThat(roundTrip(sighting)).isEqualTo(sighting);
    }

    @Example
    void aRealisticSightingRoundTripsWithItsInstantsToTheNanosecond() {
        Sighting sighting = realisticSighting();

        assertThat(roundTrip(sighting)).isEqualTo(sighting);
        assertThat(roundTrip(sighting).occurredAt()).isEqualTo(Instant.parse("2022-02-01T10:15:00.987654321Z"));
    }



    @Example
    void anUnknownBreachTypeIsRefusedNamingIt() {
        byte[] bytes = serde.serialize(TOPIC, realisticSighting());
        String written = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] renamed = written.replace("BATTERY_DEPLETED", "BATTERY_DEPLETEX")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, renamed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown BreachType 'BATTERY_DEPLETEX'");
    }




    private static Sighting realisticSighting() {
        return new Sighting("acme-monitoring", "N-2022-000123", "S-000123", BreachType.BATTERY_DEPLETED,
                Instant.parse("2022-02-01T10:15:00.987654321Z"), Instant.parse("2022-02-01T10:16:03.123456Z"),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Provide
    Arbitrary<Sighting> sightings() {
        return Combinators.combine(strings(), strings(), strings(), Arbitraries.of(BreachType.class), instants(),
                instants(), hexOrAnyStrings()).as(Sighting::new);
    }
}
