package uk.gov.em.streams.person;

import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.dedup.domain.NotificationFingerprint;
import uk.gov.em.streams.dedup.domain.Retraction;
import uk.gov.em.streams.dedup.domain.Sighting;

/** What reaches a person's task: a notification as it arrives, or a retraction of one from the identity check. */
public sealed interface PersonInput {

    /**
     * A notification with its content fingerprint, computed once where it enters the topology: both the person's
     * de-duplication and the identity check compare it, and SHA-256 showed in the profile (docs/benchmarks.md).
     */
    record Arrived(ReceivedNotification notification, String fingerprint) implements PersonInput {

        public static Arrived of(ReceivedNotification notification) {
            return new Arrived(notification, NotificationFingerprint.of(notification.notification()));
        }

        /** This copy as the identity check sees it. */
        public Sighting sighting() {
            return Sighting.of(notification, fingerprint);
        }
    }

    record Retracted(Retraction retraction) implements PersonInput {
    }
}
