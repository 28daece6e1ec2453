package uk.gov.em.streams.person;

import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.dedup.domain.Retraction;

/** What reaches a person's task: a notification as it arrives, or a retraction of one from the identity check. */
public sealed interface PersonInput {

    record Arrived(ReceivedNotification notification) implements PersonInput {
    }

    record Retracted(Retraction retraction) implements PersonInput {
    }
}
