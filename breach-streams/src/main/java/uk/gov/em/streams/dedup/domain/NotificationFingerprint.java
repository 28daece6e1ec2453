package uk.gov.em.streams.dedup.domain;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.streams.domain.Sha256;

import java.time.Instant;

/**
 * The content fingerprint of a notification: lower-case hex SHA-256 of the canonical JSON of its facts.
 *
 * <p>The facts are every field except the free-text {@code details}, with {@code episodeId} taken as its
 * effective value. {@code details} is left out because the supplier's daily CSV report carries no details
 * (supplier-api.md): a daily report repeating a notification first posted live is the same notification
 * again, not a conflict. An absent {@code episodeId} and one equal to the notification id mean the same
 * episode, so they fingerprint the same. Canonical JSON is the shared mapping of {@link Json} over a record
 * with a fixed field order, so the same facts always give the same bytes.
 */
public final class NotificationFingerprint {

    private NotificationFingerprint() {
    }

    public static String of(Notification n) {
        Facts facts = new Facts(n.notificationId(), n.subjectId(), n.deviceId(), n.type(), n.occurredAt(),
                n.endedAt(), n.effectiveEpisodeId());
        return Sha256.hex(Json.toBytes(facts));
    }

    /** The fields that make a notification what it is, in canonical order. */
    record Facts(String notificationId, String subjectId, String deviceId, BreachType type, Instant occurredAt,
                 Instant endedAt, String episodeId) {
    }
}
