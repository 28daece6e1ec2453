package uk.gov.em.hub.cases.domain;

import java.time.Instant;

/**
 * Where the work on a case stands against its time targets and deadlines.
 *
 * @param dueAt            when the next action is due (stored so queues can be ordered by it; see
 *                         {@link TimeTargets}); {@code null} once finished
 * @param firstActionDueAt the first action's target, for the SLA MI
 * @param firstActionAt    when the first action (other than a note) was taken, or {@code null}
 * @param mitigationDueAt  the deadline for written mitigation a warning letter invited, or {@code null}
 * @param referredAt       when the case was referred for prosecution, or {@code null}
 * @param attention        why it came back to its queue for attention, or {@code null}
 * @param attentionAt      when it did
 * @param outcomeDetail    the reason or outcome word given with the action that closed it
 */
public record CaseProgress(Instant dueAt, Instant firstActionDueAt, Instant firstActionAt, Instant mitigationDueAt,
                           Instant referredAt, Attention attention, Instant attentionAt, String outcomeDetail) {

    public static final CaseProgress NONE = new CaseProgress(null, null, null, null, null, null, null, null);
}
