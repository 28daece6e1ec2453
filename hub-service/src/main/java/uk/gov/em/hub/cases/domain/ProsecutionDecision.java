package uk.gov.em.hub.cases.domain;

/** The prosecutor's decision on a referral ({@code outcome} of {@code PROSECUTION_DECISION}): charged cases wait for their outcome; the others close. */
public enum ProsecutionDecision {
    CHARGED, NOT_CHARGED, OUT_OF_TIME
}
