package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

/**
 * What {@code GET /api/v1/cases} narrows the listing to; every field is optional ({@code null} matches
 * any value). {@code assignee} matches the holder of a live claim.
 */
public record CaseListFilter(String subjectId, Queue queue, CaseStatus status, String trigger, String assignee) {

    /** A filter on everything but the holder. */
    public CaseListFilter(String subjectId, Queue queue, CaseStatus status, String trigger) {
        this(subjectId, queue, status, trigger, null);
    }
}
