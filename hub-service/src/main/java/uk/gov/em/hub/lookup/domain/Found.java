package uk.gov.em.hub.lookup.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an id typed into the find box names: one case, one person, several things (the same text is a case id
 * and a person's id, or a notification id that more than one supplier used), or nothing.
 */
public sealed interface Found {

    /** The id is a case's: go to the case. */
    record OneCase(String caseId) implements Found {
    }

    /** The id is a person's, or a notification of one person's: go to their timeline. */
    record OnePerson(String subjectId) implements Found {
    }

    /** The id names more than one thing: list them. */
    record Several(List<Match> matches) implements Found {
    }

    /** The id names nothing the hub holds. */
    record Nothing() implements Found {
    }

    /** One thing an id names. */
    sealed interface Match {
        /** The person it belongs to. */
        String subjectId();
    }

    /** A case of this id. */
    record CaseMatch(String caseId, String subjectId) implements Match {
    }

    /** A person of this id. */
    record PersonMatch(String subjectId) implements Match {
    }

    /** A notification of this id from one supplier, about a person. */
    record NotificationMatch(String supplier, String notificationId, String subjectId, String type) implements Match {
    }

    /** Where one query lands, from what each kind of id matched. */
    static Found of(Optional<CaseMatch> asCase, boolean isPerson, String id, List<NotificationMatch> asNotification) {
        List<Match> matches = new ArrayList<>();
        asCase.ifPresent(matches::add);
        if (isPerson) {
            matches.add(new PersonMatch(id));
        }
        matches.addAll(asNotification);
        if (matches.isEmpty()) {
            return new Nothing();
        }
        if (matches.size() > 1) {
            return new Several(List.copyOf(matches));
        }
        return switch (matches.getFirst()) {
            case CaseMatch c -> new OneCase(c.caseId());
            case PersonMatch p -> new OnePerson(p.subjectId());
            case NotificationMatch n -> new OnePerson(n.subjectId());
        };
    }
}
