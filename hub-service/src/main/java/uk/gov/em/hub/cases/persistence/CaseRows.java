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
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one {@code breach_case} row (as selected by {@link CaseRepository}) into a {@link HubCase}. */
final class CaseRows {

    private CaseRows() {
    }

    /** The stored reason; none when the case has none, or of a kind this version does not know. */
    private static CaseReason reason(String json) {
        return json == null ? null : Json.fromBytes(json.getBytes(StandardCharsets.UTF_8), CaseReason.class);
    }

    static HubCase read(ResultSet rs) throws SQLException {
        String harm = rs.getString("harm_level");
        String reason = rs.getString("withdrawal_reason");
        Withdrawal withdrawal = reason == null ? null : new Withdrawal(reason,
                CaseRepository.instant(rs, rs.findColumn("withdrawn_at")),
                rs.getString("replaced_by"), rs.getString("withdrawal_policy_version"));
        String queue = rs.getString("queue");
        return new HubCase(
                rs.getString("case_id"),
                rs.getString("subject_id"),
                Queue.fromPath(queue).orElseThrow(() -> new SQLException("unknown queue in breach_case: " + queue)),
                Severity.valueOf(rs.getString("severity")),
                harm == null ? null : HarmLevel.valueOf(harm),
                rs.getString("trigger"),
                rs.getString("policy_version"),
                rs.getString("rule_id"),
                Json.fromBytes(rs.getString("evidence").getBytes(StandardCharsets.UTF_8), CaseEvidence.class),
                rs.getString("explanation"),
                reason(rs.getString("reason")),
                CaseRepository.instant(rs, rs.findColumn("opened_at")),
                CaseRepository.instant(rs, rs.findColumn("raised_at")),
                CaseRepository.instant(rs, rs.findColumn("stored_at")),
                CaseStatus.valueOf(rs.getString("status")),
                CaseRepository.instant(rs, rs.findColumn("status_changed_at")),
                rs.getString("assignee"),
                withdrawal,
                CaseRepository.instant(rs, rs.findColumn("claim_expires_at")),
                CaseRepository.instant(rs, rs.findColumn("last_action_at")),
                rs.getString("outcome") == null ? null : CaseAction.valueOf(rs.getString("outcome")),
                CaseRepository.instant(rs, rs.findColumn("closed_at")),
                rs.getBoolean("withdrawal_flagged"),
                new CaseProgress(
                        CaseRepository.instant(rs, rs.findColumn("due_at")),
                        CaseRepository.instant(rs, rs.findColumn("first_action_due_at")),
                        CaseRepository.instant(rs, rs.findColumn("first_action_at")),
                        CaseRepository.instant(rs, rs.findColumn("mitigation_due_at")),
                        CaseRepository.instant(rs, rs.findColumn("referred_at")),
                        rs.getString("attention") == null ? null : Attention.valueOf(rs.getString("attention")),
                        CaseRepository.instant(rs, rs.findColumn("attention_at")),
                        rs.getString("outcome_detail")));
    }
}
