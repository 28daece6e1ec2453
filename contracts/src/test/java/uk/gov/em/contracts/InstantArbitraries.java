package uk.gov.em.contracts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.time.Instant;

/** Instants for the time properties of the contracts' JSON and RFC 3339 text. */
final class InstantArbitraries {

    private InstantArbitraries() {
    }

    /** Instants from before 1970 to after 9999, with no fraction, milli-, micro- and nanosecond fractions. */
    static Arbitrary<Instant> anyPrecision() {
        return Arbitraries.longs().between(-100_000_000_000L, 300_000_000_000L).flatMap(s -> Arbitraries.of(1_000_000_000, 1_000_000, 1_000, 1)
                .flatMap(unit -> Arbitraries.integers().between(0, 999_999_999 / unit).map(n -> Instant.ofEpochSecond(s, (long) n * unit))));
    }
}
