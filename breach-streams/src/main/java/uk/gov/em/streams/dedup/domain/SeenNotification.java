package uk.gov.em.streams.dedup.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a person's de-duplication remembers about the first copy of one of their notifications: its identity
 * (supplier/notificationId), content fingerprint, when it first arrived (the gateway's {@code receivedAt}, so
 * a replay remembers exactly the same thing), and whether it was withdrawn because an earlier copy of the
 * same identity named another person ({@link Retraction}). A withdrawn entry may come first, before the copy
 * itself arrives: the copy is then dropped as the same again.
 */
public record SeenNotification(String identity, String fingerprint, Instant firstSeenAt, boolean withdrawn) {

    public SeenNotification {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    public SeenNotification asWithdrawn() {
        return new SeenNotification(identity, fingerprint, firstSeenAt, true);
    }
}
