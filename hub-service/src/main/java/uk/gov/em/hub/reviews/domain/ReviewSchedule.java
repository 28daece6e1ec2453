package uk.gov.em.hub.reviews.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * When a person on EM is next due a scheduled review: {@code every} (four months by default) after the
 * EM start date, or after the last completed review if there was one since. The review case's id is
 * made from the person and the due date, so raising it again (another instance, a restart, the next
 * run of the schedule) is a no-op.
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

    /** The date the next review falls due. */
    public LocalDate nextDue(LocalDate emStart, LocalDate lastCompleted) {
        LocalDate from = lastCompleted != null && lastCompleted.isAfter(emStart) ? lastCompleted : emStart;
        return from.plus(every);
    }

    /** The review to raise today, if one is due; {@code empty} when the next one is still to come. */
    public Optional<LocalDate> dueOn(LocalDate today, LocalDate emStart, LocalDate lastCompleted) {
        LocalDate due = nextDue(emStart, lastCompleted);
        return due.isAfter(today) ? Optional.empty() : Optional.of(due);
    }

    /** The deterministic id of the review of {@code subjectId} due on {@code due}. */
    public static String caseId(String subjectId, LocalDate due) {
        return "review:" + subjectId + ":" + due;
    }

    /** The plain-English sentence the review case carries. */
    public String explanation(LocalDate emStart, LocalDate lastCompleted, LocalDate due) {
        String since = lastCompleted != null && lastCompleted.isAfter(emStart)
                ? "last review completed on " + lastCompleted : "EM start on " + emStart;
        String interval = every.getYears() == 0 && every.getDays() == 0 ? every.getMonths() + " months" : every.toString();
        return "Scheduled review due " + due + ": " + interval + " since " + since;
    }
}
