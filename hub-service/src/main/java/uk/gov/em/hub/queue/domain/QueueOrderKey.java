package uk.gov.em.hub.queue.domain;

import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.paging.domain.CursorCodec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * A case's place in its queue (docs/policy.md §8): most severe first, then highest harm level
 * (unknown last), then the oldest trigger, and the case id last so that the order is total and a keyset
 * cursor never skips or repeats a case.
 *
 * @param severityRank 0 for CRITICAL … 3 for LOW
 * @param harmRank     0 for VERY_HIGH … 3 for LOW, 4 for unknown
 */
public record QueueOrderKey(int severityRank, int harmRank, Instant openedAt, String caseId) {

    /** The queue order of §8. */
    public static final Comparator<QueueOrderKey> ORDER = Comparator.comparingInt(QueueOrderKey::severityRank)
            .thenComparingInt(QueueOrderKey::harmRank)
            .thenComparing(QueueOrderKey::openedAt)
            .thenComparing(QueueOrderKey::caseId);

    public static QueueOrderKey of(Severity severity, HarmLevel harmLevel, Instant openedAt, String caseId) {
        return new QueueOrderKey(severity.ordinal(), HarmLevel.rank(harmLevel), openedAt, caseId);
    }

    public static QueueOrderKey of(HubCase c) {
        return of(c.severity(), c.harmLevel(), c.openedAt(), c.caseId());
    }

    /** The cursor that continues {@code queue} after this key. */
    public String toCursor(Queue queue) {
        return CursorCodec.encode(kind(queue),
                List.of(Integer.toString(severityRank), Integer.toString(harmRank), openedAt.toString(), caseId));
    }

    /**
     * The key a cursor of {@code queue} points after; a cursor issued for another queue is refused.
     */
    public static QueueOrderKey fromCursor(String token, Queue queue) {
        List<String> f = CursorCodec.decode(token, kind(queue), 4);
        try {
            return new QueueOrderKey(Integer.parseInt(f.get(0)), Integer.parseInt(f.get(1)),
                    Instant.parse(f.get(2)), f.get(3));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw CursorCodec.notOurs();
        }
    }

    private static String kind(Queue queue) {
        return "queue:" + queue.path();
    }
}
