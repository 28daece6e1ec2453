package uk.gov.em.streams.serde;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;

/** Values that stress the binary field encodings: any instant at any precision, any string. */
public final class BinaryArbitraries {

    private BinaryArbitraries() {
    }

    /** Instants from {@link Instant#MIN} to {@link Instant#MAX}, whole seconds, millis, micros or nanos. */
    public static Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(micros -> micros * 1_000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Identifier-like ASCII, or any UTF-16 text (accents, CJK, surrogate pairs and lone halves, NUL); may be empty. */
    public static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789-_:./").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("é漢字\u0000😀").ofMaxLength(10));
    }

    /** Fingerprint-like text: lower-case SHA-256 hex mostly, but also near misses (upper case, odd length) and any string. */
    public static Arbitrary<String> hexOrAnyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
                Arbitraries.strings().withChars("0123456789abcdef").ofMaxLength(9),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMaxLength(64),
                strings());
    }
}
