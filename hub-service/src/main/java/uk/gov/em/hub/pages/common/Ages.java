package uk.gov.em.hub.pages.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times read on the pages: ages in words, instants in UTC to the minute. */
public final class Ages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

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

    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
