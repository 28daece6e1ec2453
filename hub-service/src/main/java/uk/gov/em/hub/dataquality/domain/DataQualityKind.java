package uk.gov.em.hub.dataquality.domain;

import uk.gov.em.contracts.DataQualityEvent;

/**
 * The kinds of data-quality exception the hub lists: the three the stream processor reports on
 * {@code em.data-quality}, and a record some service set aside on {@code em.dead-letter}.
 */
public enum DataQualityKind {
    /** The same notification arrived again with different content; the first copy was kept. */
    CONFLICTING_DUPLICATE,
    /** A notification arrived too long after newer data for the person to be applied. */
    TOO_LATE,
    /** The stream processor could not read a record and skipped it. */
    UNREADABLE_RECORD,
    /** A service could not process a record for good and kept it on the dead-letter topic for repair. */
    DEAD_LETTERED;

    /** The hub's kind for a kind of report on em.data-quality. */
    public static DataQualityKind of(DataQualityEvent.Issue reported) {
        return switch (reported) {
            case CONFLICTING_DUPLICATE -> CONFLICTING_DUPLICATE;
            case TOO_LATE -> TOO_LATE;
            case UNREADABLE_RECORD -> UNREADABLE_RECORD;
        };
    }
}
