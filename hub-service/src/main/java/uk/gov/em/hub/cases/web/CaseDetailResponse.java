package uk.gov.em.hub.cases.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;

import java.time.Instant;

/**
 * One case in full: every field of breach-policy.md §7, where it stands in the hub, and why it was
 * withdrawn if it was.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseDetailResponse(
        String caseId,
        String subjectId,
        Queue queue,
        Severity severity,
        HarmLevel harmLevel,
        String trigger,
        String policyVersion,
        String ruleId,
        CaseEvidence evidence,
        String explanation,
        Instant openedAt,
        Instant raisedAt,
        Instant storedAt,
        CaseStatus status,
        Instant statusChangedAt,
        String assignee,
        WithdrawalResponse withdrawal) {

    /** Why and when breach-streams withdrew the case. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WithdrawalResponse(String reason, Instant withdrawnAt, String replacedBy, String policyVersion) {
    }

    public static CaseDetailResponse of(HubCase c) {
        WithdrawalResponse withdrawal = c.withdrawal() == null ? null : new WithdrawalResponse(
                c.withdrawal().reason(), c.withdrawal().withdrawnAt(), c.withdrawal().replacedBy(),
                c.withdrawal().policyVersion());
        return new CaseDetailResponse(c.caseId(), c.subjectId(), c.queue(), c.severity(), c.harmLevel(),
                c.trigger(), c.policyVersion(), c.ruleId(), c.evidence(), c.explanation(), c.openedAt(),
                c.raisedAt(), c.storedAt(), c.status(), c.statusChangedAt(), c.assignee(), withdrawal);
    }
}
