package uk.gov.em.hub.cases.domain;

/** How a charged case ended ({@code outcome} of {@code PROSECUTION_OUTCOME}). */
public enum ProsecutionOutcome {
    CONVICTED, ACQUITTED, DISCONTINUED
}
