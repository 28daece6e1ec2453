package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A case as the hub holds it: everything docs/policy.md §7 says a case carries, plus where it stands
 * in the hub (status, assignee, withdrawal).
 *
 * @param harmLevel  the person's harm level when the case was raised; {@code null} when unknown
 * @param explanation the sentence the case arrived with (the first format's; the hub's own for its own cases)
 * @param reason     why, as data, when the case arrived with it; else {@code null} (show {@code explanation})
 * @param storedAt   when the hub first stored it
 * @param assignee   the caseworker holding it, or {@code null} while unallocated
 * @param withdrawal why it was withdrawn, or {@code null} if it was not (a worked case withdrawn by
 *                   breach-streams keeps its status and is flagged instead: {@code withdrawalFlagged})
 * @param claimExpiresAt when the assignee's claim lapses and the case returns to the queue
 * @param outcome    the action that closed it, or {@code null} while it is not CLOSED
 * @param progress   where the work stands against its time targets and deadlines
 */
public record HubCase(
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
        Withdrawal withdrawal,
        Instant claimExpiresAt,
        Instant lastActionAt,
        CaseAction outcome,
        Instant closedAt,
        boolean withdrawalFlagged,
        CaseProgress progress) {

    public HubCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(status, "status");
        progress = progress == null ? CaseProgress.NONE : progress;
    }

    /** Who holds the case at {@code now}: the assignee while the lease runs, else nobody. */
    public Optional<String> holderAt(Instant now) {
        if (assignee == null || (claimExpiresAt != null && !claimExpiresAt.isAfter(now))) {
            return Optional.empty();
        }
        return Optional.of(assignee);
    }

    /** True when the next action was due before {@code now}; a finished case is never overdue. */
    public boolean overdueAt(Instant now) {
        return !status.isFinal() && progress.dueAt() != null && progress.dueAt().isBefore(now);
    }

    /** True once anyone has started on it: a stage beyond OPEN, any action, or a live claim. */
    public boolean isWorkedAt(Instant now) {
        return status != CaseStatus.OPEN || lastActionAt != null || holderAt(now).isPresent();
    }
}
