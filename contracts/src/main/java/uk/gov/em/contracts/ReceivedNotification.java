package uk.gov.em.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification as the gateway accepted it: who sent it and when it arrived. This is the value of every
 * record on {@link Topics#NOTIFICATIONS}, keyed by the notification's {@code subjectId}.
 */
public record ReceivedNotification(String supplier, Instant receivedAt, Notification notification) {

    public ReceivedNotification {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(notification, "notification");
    }

    /**
     * The identity of a notification: (supplier, notificationId). The separator {@code /} cannot occur
     * in a notification id, so two different pairs never make the same key.
     */
    @JsonIgnore
    public String identity() {
        return supplier + "/" + notification.notificationId();
    }

    @JsonIgnore
    public String subjectId() {
        return notification.subjectId();
    }
}
