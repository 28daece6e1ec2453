package uk.gov.em.streams.dedup.domain;

import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;

import java.util.Optional;

/**
 * De-duplication (docs/policy.md §1): a notification is identified by (supplier, notificationId); later
 * copies with the same content change nothing; a later copy with different content loses to the first and
 * is reported as a data-quality conflict.
 */
public final class DuplicateRule {

    private DuplicateRule() {
    }

    /** The decision for an arriving copy whose fingerprint is {@code fingerprint}, given what was seen first. */
    public static DedupDecision decide(Optional<SeenNotification> first, String fingerprint) {
        if (first.isEmpty()) {
            return new DedupDecision.FirstCopy(fingerprint);
        }
        return first.get().fingerprint().equals(fingerprint)
                ? new DedupDecision.SameAgain(first.get())
                : new DedupDecision.Conflicting(first.get(), fingerprint);
    }

    /**
     * The data-quality report of a conflicting copy. Its times come from the copy itself (its event time and
     * when the gateway received it), so a replay reports exactly the same event.
     */
    public static DataQualityEvent conflictReport(ReceivedNotification copy, DedupDecision.Conflicting conflict) {
        return new DataQualityEvent(DataQualityEvent.Issue.CONFLICTING_DUPLICATE, copy.supplier(),
                copy.notification().notificationId(), copy.subjectId(),
                "Notification " + copy.notification().notificationId() + " from " + copy.supplier() + ": "
                        + conflict.reason() + ".",
                copy.notification().occurredAt(), copy.receivedAt());
    }
}
