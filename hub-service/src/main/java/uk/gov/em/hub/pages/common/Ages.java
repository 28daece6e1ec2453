package uk.gov.em.hub.pages.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How times read on the pages, in the GOV.UK style: "3 February 2022 at 10:00" in UK time (Europe/London,
 * so summer time is shown as the clock on the wall said it), dates as "3 February 2022", ages and
 * durations in words with the plural right ("1 hour", "12 hours 20 minutes").
 */
public final class Ages {

    /** The hub's caseworkers read times as UK clocks show them. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Ages() {
    }

    public static String age(Instant from, Instant now) {
        if (from == null) {
            return "";
        }
        Duration d = Duration.between(from, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute");
        }
        if (d.toDays() < 2) {
            return plural(d.toHours(), "hour");
        }
        return plural(d.toDays(), "day");
    }

    public static String seconds(long seconds) {
        return seconds <= 0 ? "none waiting" : age(Instant.EPOCH, Instant.EPOCH.plusSeconds(seconds));
    }

    /** An instant as "3 February 2022 at 10:00", UK time; {@code ""} for none. */
    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** A date as "3 February 2022"; {@code ""} for none. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /**
     * A length of time as hours and minutes: "12 hours 20 minutes", "1 hour", "45 minutes"; under a minute,
     * in seconds.
     */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return plural(Math.max(0, seconds), "second");
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours == 0) {
            return plural(minutes, "minute");
        }
        return minutes == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
