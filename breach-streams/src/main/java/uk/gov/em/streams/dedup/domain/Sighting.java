package uk.gov.em.streams.dedup.domain;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.ReceivedNotification;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One copy of a notification as the identity check sees it: who it names, what it is, when the gateway
 * received it, and its content fingerprint.
 */
public record Sighting(String supplier, String notificationId, String subjectId, BreachType type,
                       Instant occurredAt, Instant receivedAt, String fingerprint) {

    /** First received first; copies received in the same millisecond are ordered by person, then content. */
    public static final Comparator<Sighting> FIRST_RECEIVED = Comparator.comparing(Sighting::receivedAt)
            .thenComparing(Sighting::subjectId).thenComparing(Sighting::fingerprint);

    public Sighting {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static Sighting of(ReceivedNotification copy) {
        return of(copy, NotificationFingerprint.of(copy.notification()));
    }

    /** As {@link #of(ReceivedNotification)}, with the copy's fingerprint already computed. */
    public static Sighting of(ReceivedNotification copy, String fingerprint) {
        return new Sighting(copy.supplier(), copy.notification().notificationId(), copy.subjectId(),
                copy.notification().type(), copy.notification().occurredAt(), copy.receivedAt(), fingerprint);
    }

    /** (supplier, notificationId), as {@link ReceivedNotification#identity()} spells it. */
    public String identity() {
        return supplier + "/" + notificationId;
    }
}
