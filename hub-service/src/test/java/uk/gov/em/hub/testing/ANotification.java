package uk.gov.em.hub.testing;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds accepted notifications ({@link ReceivedNotification}) for tests; change only what matters. */
public record ANotification(String supplier, String notificationId, String subjectId, BreachType type,
                            Instant occurredAt, Instant endedAt, Duration reportedAfter, String episodeId) {

    public static ANotification aNotification() {
        return new ANotification("supplier-a", "n-" + UUID.randomUUID(), "subject-" + UUID.randomUUID(),
                BreachType.CURFEW_MISSED_FULL, ACase.T0, null, Duration.ofSeconds(30), null);
    }

    public ANotification supplier(String value) {
        return new ANotification(value, notificationId, subjectId, type, occurredAt, endedAt, reportedAfter, episodeId);
    }

    public ANotification id(String value) {
        return new ANotification(supplier, value, subjectId, type, occurredAt, endedAt, reportedAfter, episodeId);
    }

    public ANotification subject(String value) {
        return new ANotification(supplier, notificationId, value, type, occurredAt, endedAt, reportedAfter, episodeId);
    }

    public ANotification type(BreachType value) {
        return new ANotification(supplier, notificationId, subjectId, value, occurredAt, endedAt,
                reportedAfter, episodeId);
    }

    public ANotification occurredAt(Instant value) {
        return new ANotification(supplier, notificationId, subjectId, type, value, endedAt, reportedAfter, episodeId);
    }

    public ANotification endedAt(Instant value) {
        return new ANotification(supplier, notificationId, subjectId, type, occurredAt, value, reportedAfter,
                episodeId);
    }

    public ANotification reportedAfter(Duration value) {
        return new ANotification(supplier, notificationId, subjectId, type, occurredAt, endedAt, value, episodeId);
    }

    /** A period out of contact with its own episode id. */
    public ANotification episode(String value) {
        return new ANotification(supplier, notificationId, subjectId, type, occurredAt, endedAt, reportedAfter, value);
    }

    public ReceivedNotification build() {
        return new ReceivedNotification(supplier, occurredAt.plus(reportedAfter), new Notification(notificationId,
                subjectId, "device-1", type, occurredAt, endedAt, episodeId, null));
    }
}
