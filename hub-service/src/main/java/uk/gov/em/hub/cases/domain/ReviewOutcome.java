package uk.gov.em.hub.cases.domain;

/** What a completed review decided ({@code outcome} of {@code REVIEW_COMPLETED}). */
public enum ReviewOutcome {
    CONTINUE, VARY_CONDITIONS, REMOVE_TAG, MOVE_TO_NON_FITTED
}
