package uk.gov.em.streams.dedup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.serde.BinarySerde;
import uk.gov.em.streams.serde.BinarySerdeContract;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.streams.serde.BinaryArbitraries.hexOrAnyStrings;
import static uk.gov.em.streams.serde.BinaryArbitraries.instants;
import static uk.gov.em.streams.serde.BinaryArbitraries.strings;

class SeenNotificationSerdeTest extends BinarySerdeContract<SeenNotification> {

    private final SeenNotificationSerde serde = new SeenNotificationSerde();

    @Override
    protected BinarySerde<SeenNotification> serde() {
        return serde;
    }

    @Override
    protected Class<SeenNotification> type() {
        return SeenNotification.class;
    }

    @Override
    protected SeenNotification realistic() {
        return realisticEntry();
    }

    @Property(tries = 500)
    void anyEntryRoundTripsToAnEqualRecord(@ForAll("entries") SeenNotification entry) {
        assertThat(roundTrip(entry)).isEqualTo(entry);
    }

    @Example
    void aRealisticEntryRoundTripsInFewerThanSeventyBytes() {
        SeenNotification entry = realisticEntry();

        assertThat(roundTrip(entry)).isEqualTo(entry);
        assertThat(serde.serialize(TOPIC, entry)).hasSizeLessThan(70);
    }

    private static SeenNotification realisticEntry() {
        return new SeenNotification("acme-monitoring/N-2022-000123", "9f86d081884c7d659a2feaa0c55ad015",
                Instant.parse("2022-02-01T10:16:03.123456Z"), false);
    }

    @Provide
    Arbitrary<SeenNotification> entries() {
        return Combinators.combine(strings(), hexOrAnyStrings(), instants(), Arbitraries.of(true, false))
                .as(SeenNotification::new);
    }
}
