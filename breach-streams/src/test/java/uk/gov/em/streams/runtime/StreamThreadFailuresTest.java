package uk.gov.em.streams.runtime;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class StreamThreadFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-08T00:23:09Z");

    /** How Kafka Streams reports a commit the broker answered INVALID_TXN_STATE (as logged by CrashMatrixIT). */
    private static StreamsException commitRefused() {
        return new StreamsException("Error encountered trying to commit a transaction",
                new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));
    }

    @Test
    void aThreadWhoseTransactionTheBrokerRolledBackIsReplaced() {
        StreamThreadFailures failures = new StreamThreadFailures(Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(failures.handle(commitRefused())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void anyOtherFailureStopsTheInstance() {
        StreamThreadFailures failures = new StreamThreadFailures(Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(failures.handle(new StreamsException("a processor threw", new IllegalStateException("bug"))))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(failures.handle(new IllegalStateException("bug")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void rolledBackAgainAndAgainTheInstanceStopsButAfterAQuietWindowThreadsAreReplacedAgain() {
        MovingClock clock = new MovingClock(T0);
        StreamThreadFailures failures = new StreamThreadFailures(clock);
        for (int i = 0; i < StreamThreadFailures.MAX_REPLACEMENTS; i++) {
            assertThat(failures.handle(commitRefused())).as("replacement " + (i + 1))
                    .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        }
        assertThat(failures.handle(commitRefused())).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        clock.now = T0.plus(StreamThreadFailures.REPLACEMENT_WINDOW).plus(Duration.ofSeconds(1));
        assertThat(failures.handle(commitRefused())).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the failures only ask for the instant");
        }
    }
}
