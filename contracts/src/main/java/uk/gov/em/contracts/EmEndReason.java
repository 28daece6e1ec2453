package uk.gov.em.contracts;

/** Why a person's electronic monitoring ended (the subject register's {@code emEndReason}). */
public enum EmEndReason {
    TAG_REMOVED,
    BAIL_ENDED,
    REMOVED_FROM_UK,
    DETAINED
}
