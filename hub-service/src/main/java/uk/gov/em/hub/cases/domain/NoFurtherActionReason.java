package uk.gov.em.hub.cases.domain;

/** Why a case was closed with no further action ({@code reason} of {@code NO_FURTHER_ACTION}); {@code OTHER} needs a note. */
public enum NoFurtherActionReason {
    DEVICE_FAULT, SUPPLIER_ERROR, MITIGATION_ACCEPTED, NOT_A_BREACH, OTHER
}
