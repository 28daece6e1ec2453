package uk.gov.em.streams.dedup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What de-duplication remembers about the first copy of a notification: its content fingerprint and when
 * it first arrived (the gateway's {@code receivedAt}, so a replay remembers exactly the same thing).
 */
public record SeenNotification(String fingerprint, Instant firstSeenAt) {

    public SeenNotification {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }

    /** True when the first copy arrived more than {@code horizon} before {@code now}: it may be forgotten. */
    public boolean isBeyond(Duration horizon, Instant now) {
        return firstSeenAt.isBefore(now.minus(horizon));
    }
}
