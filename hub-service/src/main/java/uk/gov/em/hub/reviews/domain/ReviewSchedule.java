package uk.gov.em.hub.reviews.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * When a person on EM is due a scheduled review: every {@code every} (three months by default, the
 * inspection's cycle) counted from the EM start date — start + 1 × every, start + 2 × every, … — and
 * never after the EM end date. When reviews were missed (the hub was not running, the start date was
 * entered late), only the latest review due is raised, not one per missed cycle. The review case's id is
 * made from the person and the due date, so raising it again (another instance, a restart, the next run
 * of the schedule) is a no-op.
 */
public record ReviewSchedule(Period every) {

    /** The trigger word scheduled review cases carry. */
    public static final String TRIGGER = "SCHEDULED_REVIEW";
    public static final String RULE_ID = "hub.scheduled-review";

    public ReviewSchedule {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the review interval must be positive (was " + every + ")");
        }
    }

    /** The {@code n}th review's due date (n ≥ 1), counted from the start so month ends do not drift. */
    public LocalDate nth(LocalDate emStart, int n) {
        return emStart.plus(every.multipliedBy(n));
    }

    /**
     * The review to raise on {@code today}: the latest due date on or before today (and on or before
     * the EM end, if there is one) that is later than the last review raised; {@code empty} when there
     * is none, and always once the EM has ended.
     */
    public Optional<LocalDate> dueOn(LocalDate today, LocalDate emStart, LocalDate emEnd, LocalDate lastRaisedDue) {
        if (emEnd != null && today.isAfter(emEnd)) {
            return Optional.empty();
        }
        LocalDate limit = emEnd != null && emEnd.isBefore(today) ? emEnd : today;
        LocalDate latest = null;
        for (int n = 1; !nth(emStart, n).isAfter(limit); n++) {
            latest = nth(emStart, n);
        }
        if (latest == null || (lastRaisedDue != null && !latest.isAfter(lastRaisedDue))) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }

    /** The deterministic id of the review of {@code subjectId} due on {@code due}. */
    public static String caseId(String subjectId, LocalDate due) {
        return "review:" + subjectId + ":" + due;
    }

    /** The plain-English sentence the review case carries. */
    public String explanation(LocalDate emStart, LocalDate due) {
        String interval = every.getYears() == 0 && every.getDays() == 0 ? every.getMonths() + " months" : every.toString();
        return "Scheduled review due " + due + ": every " + interval + " since EM start on " + emStart;
    }
}
