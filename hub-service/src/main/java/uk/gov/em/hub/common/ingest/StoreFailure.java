package uk.gov.em.hub.common.ingest;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Why records could not be stored, and whether waiting can mend it. Only PostgreSQL's own verdict on the data
 * is {@link Permanent}: SQLSTATE class 22 (a value the column cannot hold, such as a NUL character in text)
 * and class 23 (a broken constraint). Everything else — the database down or restarting (08, 57), out of
 * resources (53), a deadlock or serialization failure (40), missing grants (42), or no SQL verdict at all — is
 * {@link Transient}: the batch is retried rather than thrown away, because dead-lettering good records during
 * an outage would lose them.
 */
public sealed interface StoreFailure {

    /** What went wrong, in words, for the log and the dead-letter record. */
    String reason();

    /** Retrying later may succeed. */
    record Transient(String reason) implements StoreFailure {
    }

    /** Retrying can never succeed: the record itself is at fault. */
    record Permanent(String reason, String sqlState) implements StoreFailure {
    }

    /** Classifies a failure thrown while storing. */
    static StoreFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException verdict = sql instanceof BatchUpdateException batch && batch.getNextException() != null
                        ? batch.getNextException() : sql;
                String state = verdict.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return new Permanent(firstLine(verdict.getMessage()), state);
                }
                if (state != null) {
                    return new Transient(firstLine(verdict.getMessage()) + " (SQLSTATE " + state + ")");
                }
            }
        }
        return new Transient(firstLine(String.valueOf(failure)));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
