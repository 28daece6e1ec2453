package uk.gov.em.hub.accesslog;

import jakarta.inject.Singleton;
import uk.gov.em.hub.accesslog.domain.PersonDataRead;
import uk.gov.em.hub.accesslog.persistence.AccessLogRepository;
import uk.gov.em.hub.accesslog.persistence.AccessLogRow;
import uk.gov.em.hub.paging.domain.CursorCodec;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;

import java.time.Instant;
import java.util.List;

/**
 * The record of who read which person's data: written for every read {@link PersonDataRead} names,
 * read back a page at a time, newest first, by those who oversee access (the API and the page alike).
 */
@Singleton
public class AccessLog {

    private static final String CURSOR_KIND = "access-log";

    private final AccessLogRepository rows;

    public AccessLog(AccessLogRepository rows) {
        this.rows = rows;
    }

    /** Records that {@code actor} read this person's data, for {@code purpose} when they gave one. */
    public void record(String actor, PersonDataRead read, String purpose) {
        switch (read) {
            case PersonDataRead.OfSubject s -> rows.recordSubject(actor, s.subjectId(), s.what(), purpose);
            case PersonDataRead.OfCase c -> rows.recordCase(actor, c.caseId(), c.what(), purpose);
        }
    }

    /** One read of a person's data: when, by whom, through what, for which case and why, if given. */
    public record Entry(Instant at, String actor, String what, String caseId, String purpose) {
    }

    /** A page of one person's log, newest first; {@code cursor} from the page before, or null. */
    public Page<Entry> of(String subjectId, PageLimit limit, String cursor) {
        long before = CursorCodec.rowIdBefore(cursor, CURSOR_KIND);
        List<AccessLogRow> found = rows.newestFirst(subjectId, before, limit.value() + 1);
        return Page.fromLookahead(found, limit, r -> CursorCodec.ofRowId(CURSOR_KIND, r.id()))
                .map(r -> new Entry(r.at(), r.actor(), r.what(), r.caseId(), r.purpose()));
    }
}
