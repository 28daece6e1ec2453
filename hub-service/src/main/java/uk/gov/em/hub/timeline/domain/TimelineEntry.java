package uk.gov.em.hub.timeline.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * One event in a person's EM history. {@code code} is what happened in the catalogue's or the hub's
 * words: the breach type of a notification, the trigger of a case, the action taken; {@code text} is
 * the sentence a caseworker reads (a case's explanation, an action's note, a withdrawal's reason).
 */
public record TimelineEntry(Instant at, Kind kind, String code, String caseId, String supplier,
                            String notificationId, String actor, String text) {

    /** The kinds of event, in the order they are listed when they happen at the same instant. */
    public enum Kind {
        NOTIFICATION,
        ABV,
        CASE_RAISED,
        ACTION,
        CASE_WITHDRAWN
    }

    /** Time order; at the same instant, a notification before the ABV or case it led to, and so on. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::kind);
}
