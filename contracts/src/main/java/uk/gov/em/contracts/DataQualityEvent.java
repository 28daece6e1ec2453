package uk.gov.em.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Something in the data that needs a person's eye and must never vanish silently; published on
 * {@link Topics#DATA_QUALITY} and counted in MI.
 */
public record DataQualityEvent(
        Issue issue,
        String supplier,
        String notificationId,
        String subjectId,
        String detail,
        Instant eventTime,
        Instant detectedAt) {

    public DataQualityEvent {
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** The kinds of data-quality exception. */
    public enum Issue {
        /** The same (supplier, notificationId) arrived again with different content; the first was kept. */
        CONFLICTING_DUPLICATE,
        /** Arrived more than the lateness horizon after the newest event seen for the person. */
        TOO_LATE,
        /** A record on a topic that could not be read. */
        UNREADABLE_RECORD
    }
}
