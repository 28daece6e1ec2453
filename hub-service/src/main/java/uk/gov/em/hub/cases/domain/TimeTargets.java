package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When the next action on a case is due (docs/api/hub-api.md "dueAt"). Per queue, the first action is due
 * {@code warningsWorkingDays} (warnings) or {@code reviewsWorkingDays} (reviews) working days after the
 * case was raised, and for prosecutions {@code prosecutionMargin} before the legal clock runs out. Later
 * stages have their own deadlines: a warning letter waits for mitigation until {@code mitigationDueAt};
 * mitigation received must be answered within {@code mitigationAnswerWorkingDays}; a referral is due a
 * decision by the legal clock's last day; a charged case is checked for its outcome every
 * {@code outcomeCheck}. A case that came back for attention is due its queue's first-action target
 * again, counted from then.
 */
public record TimeTargets(int warningsWorkingDays, int reviewsWorkingDays, Period prosecutionMargin,
                          int mitigationAnswerWorkingDays, Period mitigationWindow, Period outcomeCheck,
                          LegalClock legalClock) {

    public TimeTargets {
        Objects.requireNonNull(prosecutionMargin, "prosecutionMargin");
        Objects.requireNonNull(mitigationWindow, "mitigationWindow");
        Objects.requireNonNull(outcomeCheck, "outcomeCheck");
        Objects.requireNonNull(legalClock, "legalClock");
        if (warningsWorkingDays < 0 || reviewsWorkingDays < 0 || mitigationAnswerWorkingDays < 0) {
            throw new IllegalArgumentException("working-day targets must not be negative");
        }
    }

    /** The target for the first action on a case of {@code queue} raised at {@code raisedAt}. */
    public Instant firstActionDue(Queue queue, Instant raisedAt, Instant openedAt) {
        return switch (queue) {
            case WARNINGS -> WorkingDays.add(raisedAt, warningsWorkingDays);
            case REVIEWS -> WorkingDays.add(raisedAt, reviewsWorkingDays);
            case PROSECUTIONS -> legalClock.lastDay(openedAt).minus(prosecutionMargin)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    /** The deadline for written mitigation after a warning letter sent at {@code sentAt}. */
    public Instant mitigationDue(Instant sentAt) {
        return sentAt.atZone(ZoneOffset.UTC).plus(mitigationWindow).toInstant();
    }

    /**
     * When the next action on {@code c} is due once it stands in {@code status} since {@code since} with
     * {@code progress}; {@code null} for a finished case.
     */
    public Instant dueAt(HubCase c, CaseStatus status, Instant since, CaseProgress progress) {
        Instant firstDue = progress.firstActionDueAt() != null ? progress.firstActionDueAt()
                : firstActionDue(c.queue(), c.raisedAt(), c.openedAt());
        if (status.isFinal()) {
            return null;
        }
        if (progress.attention() != null && c.queue() != Queue.PROSECUTIONS) {
            return firstActionDue(c.queue(), progress.attentionAt(), c.openedAt());
        }
        return switch (status) {
            case OPEN -> firstDue;
            case WARNING_SENT -> progress.mitigationDueAt() != null ? progress.mitigationDueAt() : firstDue;
            case MITIGATION_RECEIVED -> c.queue() == Queue.PROSECUTIONS ? firstDue
                    : WorkingDays.add(since, mitigationAnswerWorkingDays);
            case REFERRED -> legalClock.lastDay(c.openedAt()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case CHARGED -> since.atZone(ZoneOffset.UTC).plus(outcomeCheck).toInstant();
            case WITHDRAWN, CLOSED -> null;
        };
    }

    /**
     * The case's progress once {@code action} moved it from where it stands to {@code to} at {@code now}:
     * the first action's time, the mitigation deadline a warning letter sets, the referral's time, the
     * attention flag (any action but a note answers it), the closing reason or outcome, and the new due date.
     */
    public CaseProgress afterAction(HubCase c, CaseAction action, ActionDetails details, CaseStatus to, Instant now) {
        CaseProgress p = c.progress();
        boolean note = action == CaseAction.NOTE;
        CaseProgress after = new CaseProgress(null,
                p.firstActionDueAt(),
                p.firstActionAt() == null && !note ? now : p.firstActionAt(),
                action == CaseAction.WARNING_LETTER_SENT ? mitigationDue(now) : p.mitigationDueAt(),
                action == CaseAction.REFERRED_FOR_PROSECUTION ? now : p.referredAt(),
                note ? p.attention() : null,
                note ? p.attentionAt() : null,
                action.isRecordOnly() ? p.outcomeDetail()
                        : details.outcome() != null ? details.outcome() : details.reason());
        Instant since = to == c.status() ? c.statusChangedAt() : now;
        return withDue(after, dueAt(c, to, since, after));
    }

    /** The case's progress once it is flagged for {@code attention} at {@code now}. */
    public CaseProgress flagged(HubCase c, Attention attention, Instant now) {
        CaseProgress p = c.progress();
        CaseProgress after = new CaseProgress(null, p.firstActionDueAt(), p.firstActionAt(), p.mitigationDueAt(),
                p.referredAt(), attention, now, p.outcomeDetail());
        return withDue(after, dueAt(c, c.status(), c.statusChangedAt(), after));
    }

    private static CaseProgress withDue(CaseProgress p, Instant due) {
        return new CaseProgress(due, p.firstActionDueAt(), p.firstActionAt(), p.mitigationDueAt(), p.referredAt(),
                p.attention(), p.attentionAt(), p.outcomeDetail());
    }
}
