package uk.gov.em.hub.audit.domain;

/**
 * A case whose status or outcome as stored is not where its audit trail last took it: changed behind the
 * application's back, or a case with no audited transition at all.
 *
 * @param lastSeq        the audit row of the last recorded transition, or null when there is none
 * @param auditedStatus  the status that row took the case to, or null when there is none
 * @param auditedOutcome the outcome that row recorded (the action that closed the case), or null
 */
public record CaseStateMismatch(String caseId, String status, String outcome, Long lastSeq, String auditedStatus,
                                String auditedOutcome) {

    /** The mismatch in words, for the verify report. */
    public String problem() {
        String stored = "case " + caseId + " is " + status + (outcome == null ? "" : " (outcome " + outcome + ")");
        if (lastSeq == null) {
            return stored + " but its audit trail records no transition for it";
        }
        return stored + " but its audit trail last took it to " + auditedStatus
                + (auditedOutcome == null ? "" : " (outcome " + auditedOutcome + ")") + " at row " + lastSeq;
    }
}
