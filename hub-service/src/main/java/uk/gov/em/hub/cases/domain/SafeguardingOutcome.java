package uk.gov.em.hub.cases.domain;

/** What the agency did with a safeguarding referral ({@code outcome} of {@code SAFEGUARDING_OUTCOME}). */
public enum SafeguardingOutcome {
    ACTION_TAKEN, NO_ACTION, REFERRED_ELSEWHERE
}
