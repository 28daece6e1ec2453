package uk.gov.em.gateway.ingest.web;

/** The 202 body: which notification was accepted. */
public record NotificationAccepted(String notificationId, String status) {

    public static NotificationAccepted of(String notificationId) {
        return new NotificationAccepted(notificationId, "accepted");
    }
}
