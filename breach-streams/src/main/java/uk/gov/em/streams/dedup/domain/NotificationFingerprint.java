package uk.gov.em.streams.dedup.domain;

import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.Rfc3339;
import uk.gov.em.streams.domain.Sha256;

import java.util.Objects;

/**
 * The content fingerprint of a notification: the first 128 bits of SHA-256, in lower-case hex, of its facts
 * in a canonical form (plenty to tell two copies of one notification apart, and half the bytes to keep in
 * every person's state).
 *
 * <p>The facts are every field except the free-text {@code details}, with {@code episodeId} taken as its
 * effective value. {@code details} is left out because the supplier's daily CSV report carries no details
 * (docs/api/supplier-api.md): a daily report repeating a notification first posted live is the same notification
 * again, not a conflict. An absent {@code episodeId} and one equal to the notification id mean the same
 * episode, so they fingerprint the same. The canonical form is the facts in a fixed order, separated by a
 * control character no field may contain, times as {@link java.time.Instant#toString} writes them, with an absent
 * {@code deviceId} or {@code endedAt} written as nothing.
 */
public final class NotificationFingerprint {

    private static final int HEX_CHARS = 32;
    private static final char SEPARATOR = '\u001f';

    private NotificationFingerprint() {
    }

    public static String of(Notification n) {
        String facts = String.join(String.valueOf(SEPARATOR), n.notificationId(), n.subjectId(), Objects.toString(n.deviceId(), ""),
                n.type().code(), Rfc3339.format(n.occurredAt()), n.endedAt() == null ? "" : Rfc3339.format(n.endedAt()),
                n.effectiveEpisodeId());
        return Sha256.hex(facts).substring(0, HEX_CHARS);
    }
}
