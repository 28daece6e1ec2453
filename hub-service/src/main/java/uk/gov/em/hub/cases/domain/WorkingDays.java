package uk.gov.em.hub.cases.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Counting working days (Monday to Friday, in UTC) for time targets. Bank holidays are not known to the
 * hub and count as working days, so a target is never later than the one a person would work to.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /**
     * The instant {@code days} working days after {@code from}, at the same time of day: Friday 10:00 plus
     * one is Monday 10:00; a start at the weekend counts from the weekend (Saturday 10:00 plus one is
     * Monday 10:00).
     */
    public static Instant add(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative (was " + days + ")");
        }
        ZonedDateTime t = from.atZone(ZoneOffset.UTC);
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (isWorkingDay(t.getDayOfWeek())) {
                left--;
            }
        }
        return t.toInstant();
    }

    static boolean isWorkingDay(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
