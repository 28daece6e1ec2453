package uk.gov.em.hub.cases.domain;

/** Why an unfinished case came back to its queue for attention. */
public enum Attention {
    /** A warning letter's mitigation deadline passed with no reply. */
    NO_MITIGATION_BY_DEADLINE,
    /** The person's EM ended: the case should be closed. */
    EM_ENDED
}
