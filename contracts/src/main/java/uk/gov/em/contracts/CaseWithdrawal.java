package uk.gov.em.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A case raised earlier no longer stands: late or corrected data moved or removed the violation it was
 * raised for. The hub marks it {@code WITHDRAWN} (or flags it to its assignee if already worked).
 *
 * @param replacedBy the case raised in its place, if the correction moved the violation; else {@code null}
 */
public record CaseWithdrawal(
        String caseId,
        String subjectId,
        String reason,
        String replacedBy,
        String policyVersion,
        Instant withdrawnAt) implements CaseEvent {

    public CaseWithdrawal {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }
}
