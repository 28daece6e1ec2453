package uk.gov.em.hub.cases.domain;

/** Who was told about the case ({@code party} of {@code PARTY_NOTIFIED}); the 7-day out-of-contact process needs all three before escalation. */
public enum NotifiedParty {
    OFFENDER_MANAGER, LEGAL_REPRESENTATIVE, RETURNS_CASEWORKER
}
