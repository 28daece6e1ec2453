package uk.gov.em.streams.dedup;

import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;

/** What the de-duplication processor passes on: a first copy to process, or a conflict to report. */
public sealed interface Deduplicated {

    /** The first copy of a notification: process it. */
    record Accepted(ReceivedNotification notification) implements Deduplicated {
    }

    /** A later copy with different content: report it, change nothing. */
    record Conflict(DataQualityEvent report) implements Deduplicated {
    }
}
