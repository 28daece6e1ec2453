package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

/**
 * What {@code GET /api/v1/cases} narrows the listing to; every field is optional ({@code null} matches
 * any value).
 */
public record CaseListFilter(String subjectId, Queue queue, CaseStatus status, String trigger) {
}
