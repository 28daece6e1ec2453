package uk.gov.em.hub.paging.domain;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged listing: its items in order, and the cursor of the next page, or
 * {@code null} when this page is the last.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made from rows read with {@code limit + 1}: the extra row, if present, only proves that a
     * next page exists, and the cursor points after the last row kept.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, PageLimit limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit.value()) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit.value());
        return new Page<>(kept, cursorOf.apply(kept.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
