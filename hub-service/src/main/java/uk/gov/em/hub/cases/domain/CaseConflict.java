package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.Rejection;

import java.time.Instant;

/**
 * A claim, release or action that clashes with where the case stands: someone else holds it, nobody
 * does, or the state machine does not allow the action now. Always a 409 with the reason.
 */
public final class CaseConflict extends Rejection {

    private CaseConflict(String type, String title, String detail) {
        super(Kind.CONFLICT, type, title, detail);
    }

    public static CaseConflict heldByAnother(String caseId, String holder, Instant until) {
        return new CaseConflict("case-held", "Case held by someone else",
                "case '" + caseId + "' is held by " + holder + " until " + until);
    }

    public static CaseConflict notHeldByCaller(String caseId) {
        return new CaseConflict("case-not-held", "Case not held by you",
                "only the holder acts on case '" + caseId + "': claim it first");
    }

    public static CaseConflict finished(String caseId, CaseStatus status) {
        return new CaseConflict("case-finished", "Case finished",
                "case '" + caseId + "' is " + status + " and no longer in a queue");
    }

    public static CaseConflict transitionRefused(String reason) {
        return new CaseConflict("transition-refused", "Action not allowed now", reason);
    }
}
