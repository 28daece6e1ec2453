package uk.gov.em.streams.dedup.domain;

import java.util.Objects;

/**
 * Two copies of one notification name different people: {@code kept}, received first, stands; whatever
 * {@code withdrawn} caused for its person is taken back (docs/policy.md §1: the first wins).
 */
public record Retraction(Sighting kept, Sighting withdrawn) {

    public Retraction {
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(withdrawn, "withdrawn");
    }

    /** The sentence that goes on every case this withdraws. */
    public String reason() {
        return "Notification " + withdrawn.notificationId() + " from " + withdrawn.supplier() + " was first received for "
                + kept.subjectId() + " (at " + kept.receivedAt() + "); this later copy naming " + withdrawn.subjectId()
                + " conflicts with it, so what it caused is withdrawn.";
    }
}
