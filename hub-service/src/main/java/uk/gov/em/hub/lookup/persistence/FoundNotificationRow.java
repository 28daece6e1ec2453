package uk.gov.em.hub.lookup.persistence;

import io.micronaut.core.annotation.Introspected;

/** A notification found by its id: which supplier sent it, about whom, and of what type. */
@Introspected
public record FoundNotificationRow(String supplier, String notificationId, String subjectId, String type) {
}
