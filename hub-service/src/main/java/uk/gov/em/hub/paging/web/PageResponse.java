package uk.gov.em.hub.paging.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.hub.paging.domain.Page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing on the wire: {@code {"items": [...], "nextCursor": "..." | null}}. Pass
 * {@code nextCursor} back as {@code cursor} to get the next page; {@code null} means this is the last.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, String nextCursor) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.nextCursor());
    }
}
