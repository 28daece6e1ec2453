package uk.gov.em.streams.serde;

import net.jqwik.api.Example;
import org.apache.kafka.common.errors.SerializationException;
import uk.gov.em.contracts.json.JsonSerde;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BinarySerde} must do with its framing, whatever it encodes: tombstones both ways, a
 * realistic value round-trips, another format version (JSON written before included) is refused naming it,
 * bytes cut short or running on are refused, and the binary form is under half the JSON one.
 */
public abstract class BinarySerdeContract<T> {

    protected static final String TOPIC = "breach-streams-test-topic";

    protected abstract BinarySerde<T> serde();

    protected abstract Class<T> type();

    /** A value as the service would store it. */
    protected abstract T realistic();

    protected T roundTrip(T value) {
        return serde().deserializer().deserialize(TOPIC, serde().serializer().serialize(TOPIC, value));
    }

    @Example
    void aRealisticValueRoundTripsToAnEqualRecord() {
        assertThat(roundTrip(realistic())).isEqualTo(realistic());
    }

    @Example
    void nullIsATombstoneBothWays() {
        assertThat(serde().serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde().deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Example
    void aFormatVersionOtherThanOneIsRefusedNamingTheTypeAndVersion() {
        byte[] bytes = serde().serialize(TOPIC, realistic());
        bytes[0] = (byte) 200;

        assertThatThrownBy(() -> serde().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(type().getSimpleName())
                .hasMessageContaining("format version 200");
    }

    @Example
    void jsonWrittenBeforeTheBinaryFormIsRefusedAsAnUnknownVersion() {
        byte[] json = JsonSerde.of(type()).serialize(TOPIC, realistic());

        assertThatThrownBy(() -> serde().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version " + (int) '{');
    }

    @Example
    void bytesThatEndEarlyAreRefused() {
        byte[] bytes = serde().serialize(TOPIC, realistic());

        assertThatThrownBy(() -> serde().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unreadable " + type().getSimpleName());
    }

    @Example
    void bytesThatRunOnAreRefused() {
        byte[] bytes = serde().serialize(TOPIC, realistic());

        assertThatThrownBy(() -> serde().deserialize(TOPIC, Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("1 trailing byte(s)");
    }

    @Example
    void theBinaryFormIsLessThanHalfTheJsonForm() {
        int binary = serde().serialize(TOPIC, realistic()).length;
        int json = JsonSerde.of(type()).serialize(TOPIC, realistic()).length;

        assertThat(binary).as("binary %d bytes, JSON %d bytes", binary, json).isLessThan(json / 2);
    }
}
