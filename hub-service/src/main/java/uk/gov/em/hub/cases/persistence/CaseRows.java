package uk.gov.em.hub.cases.persistence;

import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseProgress;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.Withdrawal;

import java.nio.charset.StandardCharsets;

/** Turns a {@link CaseRow} into a {@link HubCase}: the words of the row into the domain's types. */
final class CaseRows {

    private CaseRows() {
    }

    /** The stored reason; none when the case has none, or of a kind this version does not know. */
    private static CaseReason reason(String json) {
        return json == null ? null : Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), CaseReason.class);
    }

    static HubCase toDomain(CaseRow r) {
        Withdrawal withdrawal = r.withdrawalReason() == null ? null : new Withdrawal(r.withdrawalReason(),
                r.withdrawnAt(), r.replacedBy(), r.withdrawalPolicyVersion());
        return new HubCase(
                r.caseId(),
                r.subjectId(),
                Queue.fromPath(r.queue()).orElseThrow(() -> new CaseStoreException(
                        "unknown queue in breach_case: " + r.queue(), null)),
                Severity.valueOf(r.severity()),
                r.harmLevel() == null ? null : HarmLevel.valueOf(r.harmLevel()),
                r.trigger(),
                r.policyVersion(),
                r.ruleId(),
                Json.fromBytes(r.evidence().getBytes(StandardCharsets.UTF_8), CaseEvidence.class),
                r.explanation(),
                reason(r.reason()),
                r.openedAt(),
                r.raisedAt(),
                r.storedAt(),
                CaseStatus.valueOf(r.status()),
                r.statusChangedAt(),
                r.assignee(),
                withdrawal,
                r.claimExpiresAt(),
                r.lastActionAt(),
                r.outcome() == null ? null : CaseAction.valueOf(r.outcome()),
                r.closedAt(),
                r.withdrawalFlagged(),
                new CaseProgress(r.dueAt(), r.firstActionDueAt(), r.firstActionAt(), r.mitigationDueAt(),
                        r.referredAt(), r.attention() == null ? null : Attention.valueOf(r.attention()),
                        r.attentionAt(), r.outcomeDetail()));
    }
}
