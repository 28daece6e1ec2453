package uk.gov.em.gateway.auth.domain;

/** The outcome of authenticating one supplier request. */
public sealed interface AuthDecision {

    /** The request is signed by this supplier, which is who the notifications are recorded as. */
    record Authenticated(String supplier) implements AuthDecision {
    }

    /** The request is not authenticated; {@code detail} is safe to show the caller. */
    record Rejected(Reason reason, String detail) implements AuthDecision {
    }

    /** Why a request was not authenticated (used as a metric tag, so a small fixed set). */
    enum Reason { MISSING_HEADER, BAD_TIMESTAMP, STALE_TIMESTAMP, BAD_SIGNATURE }
}
