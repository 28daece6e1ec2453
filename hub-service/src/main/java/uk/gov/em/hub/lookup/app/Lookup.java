package uk.gov.em.hub.lookup.app;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.lookup.domain.Found;
import uk.gov.em.hub.lookup.persistence.LookupRepository;

/**
 * Finds what an id typed into the hub's find box names: a case, a person (subject id) or a notification, by
 * the exact id. The page decides where to go; the rule of what a set of matches means is {@link Found#of}.
 */
@Singleton
public class Lookup {

    /** Longer than any id the hub stores: nothing to look up. */
    public static final int MAX_LENGTH = 200;

    private final LookupRepository rows;

    public Lookup(LookupRepository rows) {
        this.rows = rows;
    }

    @ReadOnly
    public Found find(String id) {
        String wanted = id == null ? "" : id.strip();
        if (wanted.isEmpty() || wanted.length() > MAX_LENGTH) {
            return new Found.Nothing();
        }
        return Found.of(rows.caseById(wanted).map(c -> new Found.CaseMatch(c.caseId(), c.subjectId())),
                rows.personKnown(wanted), wanted, rows.notificationsById(wanted).stream()
                        .map(n -> new Found.NotificationMatch(n.supplier(), n.notificationId(), n.subjectId(), n.type()))
                        .toList());
    }
}
