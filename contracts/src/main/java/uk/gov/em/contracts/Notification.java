package uk.gov.em.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One breach notification exactly as a supplier sends it (docs/api/supplier-api.md, "A notification").
 * Times are normalised to UTC instants; {@code details} is a flat map of strings.
 */
public record Notification(
        String notificationId,
        String subjectId,
        String deviceId,
        BreachType type,
        Instant occurredAt,
        Instant endedAt,
        String episodeId,
        Map<String, String> details) {

    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? null : Map.copyOf(details);
    }

    /** The episode this notification describes: its {@code episodeId}, which defaults to its own id. */
    @JsonIgnore
    public String effectiveEpisodeId() {
        return episodeId != null ? episodeId : notificationId;
    }
}
