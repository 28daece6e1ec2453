package uk.gov.em.hub.cases.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.CaseLifecycle;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.persistence.CaseRepository.ActionRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * One case in full: every field of docs/policy.md §7, where it stands in the hub (status, assignee and
 * claim, the actions allowed now, the outcome), why it was withdrawn if it was, the prosecution time
 * limit if it applies, and its actions and audit trail. The same record for the API and the pages.
 *
 * @param explanation               the sentence the case arrived with, as stored
 * @param reason                    why, as data ({@link CaseReason}, docs/api/hub-api.md), or {@code null} for a
 *                                  case that arrived without one
 * @param assignee                  the holder of a live claim, or {@code null}
 * @param withdrawalFlagged         breach-streams withdrew it while it was being worked: the assignee
 *                                  should acknowledge the withdrawal ({@code WITHDRAWAL_ACKNOWLEDGED})
 * @param lastDayToStartProsecution for a prosecutions case or a referral: the last date a prosecution can
 *                                  be started
 * @param dueAt                     when the next action is due (time target or legal clock); null once finished
 * @param mitigationDueAt           the deadline for written mitigation a warning letter invited
 * @param attention                 why the unfinished case came back to the queue, if it did
 * @param warningsServedInLadderWindow when warning letters were sent to this person within the ladder window
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseDetail(
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
        CaseReason reason,
        Instant openedAt,
        Instant raisedAt,
        Instant storedAt,
        CaseStatus status,
        Instant statusChangedAt,
        String assignee,
        Instant claimExpiresAt,
        Set<CaseAction> allowedActions,
        CaseAction outcome,
        Instant closedAt,
        boolean withdrawalFlagged,
        WithdrawalResponse withdrawal,
        LocalDate lastDayToStartProsecution,
        Instant dueAt,
        boolean overdue,
        Instant mitigationDueAt,
        Attention attention,
        boolean legalClockWarning,
        Instant referredAt,
        String outcomeDetail,
        List<Instant> warningsServedInLadderWindow,
        List<ActionResponse> actions,
        List<AuditResponse> audit) {

    /** Why and when breach-streams withdrew the case. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WithdrawalResponse(String reason, Instant withdrawnAt, String replacedBy, String policyVersion) {
    }

    /** One action taken on the case, with what it carried (absent when it carried nothing). */
    public record ActionResponse(CaseAction action, String actor, String note, CaseStatus from, CaseStatus to,
                                 Instant at, String outcome, String reason, ContactMethod method, Boolean reached,
                                 NotifiedParty party, String agency) {
    }

    /** One audit row of the case: who did what, when, and the row's place in the hash chain. */
    public record AuditResponse(long seq, Instant at, String actor, String action, String detail, String hash) {
    }

    public static CaseDetail of(HubCase c, Instant now, LegalClock legalClock, List<Instant> warningsServed,
                                        List<ActionRecord> actions, List<AuditChain.StoredRow> audit) {
        WithdrawalResponse withdrawal = c.withdrawal() == null ? null : new WithdrawalResponse(
                c.withdrawal().reason(), c.withdrawal().withdrawnAt(), c.withdrawal().replacedBy(),
                c.withdrawal().policyVersion());
        String holder = c.holderAt(now).orElse(null);
        return new CaseDetail(c.caseId(), c.subjectId(), c.queue(), c.severity(), c.harmLevel(),
                c.trigger(), c.policyVersion(), c.ruleId(), c.evidence(), c.explanation(), c.reason(), c.openedAt(),
                c.raisedAt(), c.storedAt(), c.status(), c.statusChangedAt(), holder,
                holder == null ? null : c.claimExpiresAt(),
                CaseLifecycle.allowedActions(c.queue(), c.status(), c.withdrawalFlagged()),
                c.outcome(), c.closedAt(), c.withdrawalFlagged(), withdrawal,
                legalClock.lastDayToStartProsecution(c).orElse(null),
                c.status().isFinal() ? null : c.progress().dueAt(), c.overdueAt(now), c.progress().mitigationDueAt(),
                c.status().isFinal() ? null : c.progress().attention(),
                legalClock.warns(c, LocalDate.ofInstant(now, ZoneOffset.UTC)), c.progress().referredAt(),
                c.progress().outcomeDetail(), warningsServed,
                actions.stream().map(a -> new ActionResponse(a.action(), a.actor(), a.note(), a.from(), a.to(), a.at(),
                                a.details().outcome(), a.details().reason(), a.details().method(), a.details().reached(),
                                a.details().party(), a.details().agency()))
                        .toList(),
                audit.stream().map(r -> new AuditResponse(r.seq(), r.entry().at(), r.entry().actor(),
                        r.entry().action(), r.entry().detail(), r.hash())).toList());
    }
}
