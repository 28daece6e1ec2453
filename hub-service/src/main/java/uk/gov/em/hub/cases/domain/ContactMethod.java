package uk.gov.em.hub.cases.domain;

/** How a caseworker tried to reach the person ({@code method} of {@code CONTACT_ATTEMPTED}). */
public enum ContactMethod {
    PHONE, LETTER, EMAIL, VISIT
}
