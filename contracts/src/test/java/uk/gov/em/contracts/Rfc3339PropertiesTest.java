package uk.gov.em.contracts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written RFC 3339 reader agrees with java.time on everything it accepts, and refuses what RFC 3339 does. */
class Rfc3339PropertiesTest {

    @Property(tries = 500)
    void readsAnyInstantWrittenWithAnyOffsetAndPrecisionAsJavaTimeDoes(@ForAll("instants") Instant instant,
            @ForAll("offsets") ZoneOffset offset, @ForAll("precisions") String pattern) {
        String text = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(OffsetDateTime.ofInstant(instant, offset));

        assertThat(Rfc3339.parse(text)).as(text).contains(OffsetDateTime.parse(text).toInstant());
    }

    @Property(tries = 1000)
    void writesEveryInstantAsInstantToStringDoes(@ForAll("anyPrecision") Instant instant) {
        assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
    }

    @Example
    void writesTheEdgesOfTheYearsItWritesItselfAsInstantToStringDoes() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1), Instant.MIN, Instant.MAX,
                Instant.parse("2024-02-29T23:59:59.010Z"), Instant.parse("2022-01-01T00:00:00.000100Z")}) {
            assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Property(tries = 500)
    void neverAcceptsATextJavaTimeRefuses(@ForAll("nearlyTimes") String text) {
        Optional<Instant> ours = Rfc3339.parse(text);
        Optional<Instant> reference;
        try {
            reference = Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
        } catch (DateTimeException e) {
            reference = Optional.empty();
        }

        if (ours.isPresent()) {
            assertThat(reference).as(text).isEqualTo(ours);
        }
    }

    @Example
    void refusesWhatRfc3339Forbids() {
        for (String bad : new String[] {"2022-02-01T10:15Z", "2022-02-01T10:15:00", "2022-02-01T10:15:00+0100",
                "2022-02-29T10:15:00Z", "2022-02-01T24:00:00Z", "2022-02-01T23:59:60Z", "2022-02-01T10:15:00.Z",
                "2022-02-01T10:15:00.1234567890Z", "2022-02-01T10:15:00+19:00", "2022-02-01T10:15:00+01:60",
                "2022-02-01T10:15:00ZZ", "2022-02-01 10:15:00Z", "+2022-02-01T10:15:00Z", "２022-02-01T10:15:00Z"}) {
            assertThat(Rfc3339.parse(bad)).as(bad).isEmpty();
        }
    }

    @Example
    void readsALeapDayLowerCaseSeparatorsAndANegativeZeroOffset() {
        assertThat(Rfc3339.parse("2024-02-29t10:15:00z")).contains(Instant.parse("2024-02-29T10:15:00Z"));
        assertThat(Rfc3339.parse("2022-02-01T10:15:00-00:00")).contains(Instant.parse("2022-02-01T10:15:00Z"));
        assertThat(Rfc3339.parse("2022-02-01T00:15:00.000000001+05:45")).contains(Instant.parse("2022-01-31T18:30:00.000000001Z"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2099-12-31T23:59:59Z").getEpochSecond())
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(nanos -> Instant.ofEpochSecond(s, nanos)));
    }

    /** Instants from before 1970 to after 9999, with no fraction, milli-, micro- and nanosecond fractions. */
    @Provide
    Arbitrary<Instant> anyPrecision() {
        return InstantArbitraries.anyPrecision();
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 60, 18 * 60).map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    @Provide
    Arbitrary<String> precisions() {
        return Arbitraries.of("uuuu-MM-dd'T'HH:mm:ssXXX", "uuuu-MM-dd'T'HH:mm:ss.SXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
                "uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
    }

    /** Valid-looking texts with one character changed to a digit, separator or letter. */
    @Provide
    Arbitrary<String> nearlyTimes() {
        Arbitrary<String> base = Arbitraries.of("2022-02-01T10:15:00Z", "2024-02-29T23:59:59.999+05:30",
                "2000-01-01T00:00:00-12:00", "2022-12-31T12:00:00.5+01:00");
        return base.flatMap(text -> Arbitraries.integers().between(0, text.length() - 1).flatMap(at ->
                Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '+', 'T', 'Z', '.', ' ', 'x')
                        .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
    }
}
