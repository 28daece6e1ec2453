package uk.gov.em.hub.queue.domain;

import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.paging.domain.CursorCodec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A case's place in its queue ordered by due date: the earliest {@code dueAt} first (for prosecutions,
 * the legal clock's order), the case id last so the order is total and a keyset cursor never skips or
 * repeats a case.
 */
public record DueOrderKey(Instant dueAt, String caseId) {

    public static DueOrderKey of(HubCase c) {
        return new DueOrderKey(c.progress().dueAt(), c.caseId());
    }

    /** The cursor that continues {@code queue} after this key. */
    public String toCursor(Queue queue) {
        return CursorCodec.encode(kind(queue), List.of(String.valueOf(dueAt), caseId));
    }

    /** The key a cursor of {@code queue} in due order points after; any other cursor is refused. */
    public static DueOrderKey fromCursor(String token, Queue queue) {
        List<String> f = CursorCodec.decode(token, kind(queue), 2);
        try {
            return new DueOrderKey(Instant.parse(f.get(0)), f.get(1));
        } catch (DateTimeParseException e) {
            throw CursorCodec.notOurs();
        }
    }

    private static String kind(Queue queue) {
        return "queue-due:" + queue.path();
    }
}
