package uk.gov.em.streams;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;

import java.time.Instant;
import java.util.Map;

/** Test data: notifications as the gateway puts them on Kafka, with sensible defaults to override. */
public record Notifications(String supplier, Instant receivedAt, String notificationId, String subjectId,
                            String deviceId, BreachType type, Instant occurredAt, Instant endedAt,
                            String episodeId, Map<String, String> details) {

    public static final String SUPPLIER = "ems";
    public static final Instant OCCURRED = Instant.parse("2022-02-03T21:15:00Z");
    public static final Instant RECEIVED = Instant.parse("2022-02-03T21:17:30Z");

    /** A notification of {@code type} for subject S-100045 from supplier ems. */
    public static Notifications a(BreachType type) {
        return new Notifications(SUPPLIER, RECEIVED, "EMS-000123", "S-100045", "GPS-88812", type, OCCURRED,
                null, null, null);
    }

    public Notifications id(String notificationId) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications subject(String subjectId) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications supplier(String supplier) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications occurredAt(Instant occurredAt) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications endedAt(Instant endedAt) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications episode(String episodeId) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications details(Map<String, String> details) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications type(BreachType type) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notifications receivedAt(Instant receivedAt) {
        return new Notifications(supplier, receivedAt, notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details);
    }

    public Notification notification() {
        return new Notification(notificationId, subjectId, deviceId, type, occurredAt, endedAt, episodeId, details);
    }

    public ReceivedNotification received() {
        return new ReceivedNotification(supplier, receivedAt, notification());
    }
}
