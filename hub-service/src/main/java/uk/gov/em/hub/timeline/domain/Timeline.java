package uk.gov.em.hub.timeline.domain;

import java.util.List;

/**
 * A person's EM history, oldest first. A history longer than the cap keeps its newest entries and says
 * it was {@code truncated}, so a reader knows older events exist that are not shown.
 */
public record Timeline(List<TimelineEntry> entries, boolean truncated) {

    public Timeline {
        entries = List.copyOf(entries);
    }
}
