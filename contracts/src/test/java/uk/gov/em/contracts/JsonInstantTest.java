package uk.gov.em.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.gov.em.contracts.json.Json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The records' mapper reads every time exactly as Jackson's own time module does, only faster. */
class JsonInstantTest {

    private static final ObjectMapper JACKSON = Json.configure(JsonMapper.builder()).build();

    private record Stamped(Instant at) {
    }

    @Property(tries = 300)
    void readsAnyRfc3339TimeAsJacksonDoes(@ForAll("times") String text) {
        assertThat(ours("\"" + text + "\"")).as(text).isEqualTo(jacksons("\"" + text + "\"")).isPresent();
    }

    @Example
    void readsWhatItCannotReadItselfAsJacksonDoes() {
        for (String json : new String[] {"\"2022-02-01T10:15:00Z\"", "\"2022-02-01t10:15:00.5z\"", "1643710500",
                "1643710500.25", "\"2022-02-01T10:15Z\"", "\"2022-02-01T10:15:00\"", "\"yesterday\"", "\"\"", "null"}) {
            assertThat(ours(json)).as(json).isEqualTo(jacksons(json));
        }
    }

    @Property(tries = 300)
    void writesEveryTimeAsJacksonDoes(@ForAll("instants") Instant instant) throws Exception {
        Stamped stamped = new Stamped(instant);

        assertThat(new String(Json.toBytes(stamped))).isEqualTo(JACKSON.writeValueAsString(stamped));
    }

    @Example
    void writesTimesItReadsBackUnchanged() {
        Stamped stamped = new Stamped(Instant.parse("2022-02-01T10:15:00.000000001Z"));

        assertThat(Json.fromBytes(Json.toBytes(stamped), Stamped.class)).isEqualTo(stamped);
    }

    private static Optional<Instant> ours(String json) {
        try {
            return Optional.ofNullable(Json.fromBytes(("{\"at\":" + json + "}").getBytes(), Stamped.class).at());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> jacksons(String json) {
        try {
            return Optional.ofNullable(JACKSON.readValue("{\"at\":" + json + "}", Stamped.class).at());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return InstantArbitraries.anyPrecision();
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, Instant.parse("2099-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(nanos -> Instant.ofEpochSecond(s, nanos)));
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-18 * 60, 18 * 60)
                .map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
        Arbitrary<String> patterns = Arbitraries.of("uuuu-MM-dd'T'HH:mm:ssXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
                "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
        return instants.flatMap(instant -> offsets.flatMap(offset -> patterns.map(pattern -> DateTimeFormatter
                .ofPattern(pattern, Locale.ROOT).format(OffsetDateTime.ofInstant(instant, offset)))));
    }
}
