package uk.gov.em.streams.runtime;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What happens when a stream thread dies.
 *
 * <ul>
 *   <li><b>The broker had already rolled its transaction back:</b> the thread is replaced. Under transactions v2
 *       (Kafka 4.x), when a stream thread holds a transaction open for longer than the transaction timeout (10 s), the
 *       transaction coordinator aborts it. Kafka Streams does not commit while a rebalance is in progress, but goes on
 *       processing, so a rebalance longer than that does it (in {@code CrashMatrixIT}, the follow-up rebalance of an
 *       instance restarted after a kill took about 12 s). The commit that follows is answered {@code INVALID_TXN_STATE}
 *       instead of the recoverable "fenced" (KAFKA-20785, fixed in the broker after 4.3.1), which Kafka Streams
 *       treats as fatal. Nothing of that transaction was committed, so a new thread that takes the tasks over from
 *       their committed offsets loses and doubles nothing.</li>
 *   <li><b>That, again and again</b> (more than {@link #MAX_REPLACEMENTS} within {@link #REPLACEMENT_WINDOW}): the
 *       instance stops, as below, rather than replace threads for ever.</li>
 *   <li><b>Anything else</b> (a bug in the topology, a store that cannot be opened): the instance stops, its health
 *       goes DOWN and the orchestrator restarts it, rather than spin on the same record.</li>
 * </ul>
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    static final int MAX_REPLACEMENTS = 5;
    static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);
    /** Deep enough for Kafka Streams' wrappers; a bound, because a cause chain may loop. */
    private static final int CAUSES_LOOKED_AT = 16;

    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    StreamThreadFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        if (rolledBackByTheBroker(failure)) {
            Instant now = clock.instant();
            while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(REPLACEMENT_WINDOW))) {
                replacements.removeFirst();
            }
            if (replacements.size() < MAX_REPLACEMENTS) {
                replacements.addLast(now);
                LOG.warn("a stream thread's transaction was rolled back by the broker before it could commit"
                        + " (KAFKA-20785); replacing the thread, which reads again what was not committed", failure);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            LOG.error("stream threads' transactions were rolled back by the broker {} times within {}; stopping this"
                    + " instance", replacements.size() + 1, REPLACEMENT_WINDOW, failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("stream thread failed; stopping this instance", failure);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private static boolean rolledBackByTheBroker(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSES_LOOKED_AT; depth++, cause = cause.getCause()) {
            if (cause instanceof InvalidTxnStateException) {
                return true;
            }
        }
        return false;
    }
}
