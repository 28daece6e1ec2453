package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.paging.domain.CursorCodec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * The sort key of the case listing: newest raised first, and among cases raised at the same instant the
 * greater case id first, so the order is total and a keyset cursor never skips or repeats a case.
 */
public record NewestFirstKey(Instant raisedAt, String caseId) {

    /** The listing's order. */
    public static final Comparator<NewestFirstKey> ORDER =
            Comparator.comparing(NewestFirstKey::raisedAt).thenComparing(NewestFirstKey::caseId).reversed();

    private static final String KIND = "cases";

    public static NewestFirstKey of(HubCase c) {
        return new NewestFirstKey(c.raisedAt(), c.caseId());
    }

    public String toCursor() {
        return CursorCodec.encode(KIND, List.of(raisedAt.toString(), caseId));
    }

    /** The key a cursor of this listing points after. */
    public static NewestFirstKey fromCursor(String token) {
        List<String> fields = CursorCodec.decode(token, KIND, 2);
        try {
            return new NewestFirstKey(Instant.parse(fields.get(0)), fields.get(1));
        } catch (DateTimeParseException e) {
            throw CursorCodec.notOurs();
        }
    }
}
