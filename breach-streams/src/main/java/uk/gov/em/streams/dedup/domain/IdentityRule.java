package uk.gov.em.streams.dedup.domain;

import uk.gov.em.contracts.DataQualityEvent;

import java.util.Optional;

/**
 * The identity check across people (docs/policy.md §1). Each person's own de-duplication catches copies of
 * one notification that name that person; this rule catches copies of one (supplier, notificationId) that name
 * <em>different</em> people, which land in different tasks. The copy received first wins, whatever order the
 * copies reach the check in, so a replay decides the same; the other is reported and retracted.
 */
public final class IdentityRule {

    private IdentityRule() {
    }

    /** What the check does with a copy. */
    public sealed interface Decision {
    }

    /** The first copy of this identity seen, or one received earlier than that naming the same person: remember it. */
    public record Remember(Sighting first) implements Decision {
    }

    /** A copy naming the same person as the first: that person's own de-duplication deals with it. */
    public record SamePerson() implements Decision {
    }

    /** Copies naming different people: remember {@code retraction.kept()}, retract the other. */
    public record OtherPerson(Retraction retraction) implements Decision {
    }

    public static Decision decide(Optional<Sighting> first, Sighting arriving) {
        if (first.isEmpty()) {
            return new Remember(arriving);
        }
        Sighting known = first.get();
        if (known.subjectId().equals(arriving.subjectId())) {
            // an earlier copy of the same person's (copies may be written out of receivedAt order) is the one to keep
            return Sighting.FIRST_RECEIVED.compare(arriving, known) < 0 ? new Remember(arriving) : new SamePerson();
        }
        return Sighting.FIRST_RECEIVED.compare(arriving, known) < 0
                ? new OtherPerson(new Retraction(arriving, known))
                : new OtherPerson(new Retraction(known, arriving));
    }

    /** The data-quality report of a retracted copy, with times taken from the copies (replays report the same). */
    public static DataQualityEvent conflictReport(Retraction retraction) {
        Sighting lost = retraction.withdrawn();
        return new DataQualityEvent(DataQualityEvent.Issue.CONFLICTING_DUPLICATE, lost.supplier(), lost.notificationId(),
                lost.subjectId(), "Notification " + lost.notificationId() + " from " + lost.supplier()
                + " arrived naming " + lost.subjectId() + " (received " + lost.receivedAt() + "), but its first copy named "
                + retraction.kept().subjectId() + " (received " + retraction.kept().receivedAt()
                + "); the first copy was kept and what this one caused is withdrawn.",
                lost.occurredAt(), lost.receivedAt());
    }
}
