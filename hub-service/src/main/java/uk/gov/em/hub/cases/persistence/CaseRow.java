package uk.gov.em.hub.cases.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code breach_case} as the reads select it (columns by the default naming strategy, camel case to
 * snake case); {@link CaseRows} turns it into a {@code HubCase}. Never leaves persistence. The generated
 * columns ({@code lane}, the ranks) are not read: they are derived from the ones here.
 *
 * @param evidence the {@code jsonb} evidence as JSON text
 * @param reason   the {@code jsonb} reason as JSON text, or {@code null} for a case that arrived without one
 */
@MappedEntity("breach_case")
public record CaseRow(
        @Id String caseId,
        String subjectId,
        String queue,
        String severity,
        @Nullable String harmLevel,
        String trigger,
        @Nullable String policyVersion,
        @Nullable String ruleId,
        String evidence,
        String explanation,
        @Nullable String reason,
        Instant openedAt,
        Instant raisedAt,
        Instant storedAt,
        String status,
        Instant statusChangedAt,
        @Nullable String assignee,
        @Nullable String withdrawalReason,
        @Nullable Instant withdrawnAt,
        @Nullable String replacedBy,
        @Nullable String withdrawalPolicyVersion,
        @Nullable Instant claimExpiresAt,
        @Nullable Instant lastActionAt,
        @Nullable String outcome,
        @Nullable Instant closedAt,
        boolean withdrawalFlagged,
        @Nullable Instant dueAt,
        @Nullable Instant firstActionDueAt,
        @Nullable Instant firstActionAt,
        @Nullable Instant mitigationDueAt,
        @Nullable Instant referredAt,
        @Nullable String attention,
        @Nullable Instant attentionAt,
        @Nullable String outcomeDetail) {
}
