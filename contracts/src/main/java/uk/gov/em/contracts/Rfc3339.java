package uk.gov.em.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads (and writes) an RFC 3339 date-time ({@code 2022-02-01T10:15:00Z}, {@code 2022-02-01T11:15:00.5+01:00}).
 * Stricter than {@link java.time.OffsetDateTime#parse}: seconds are required and the offset must be {@code Z}
 * or {@code ±hh:mm}, as RFC 3339 says; impossible dates and times (30 February, 25:00, second 60) are refused.
 *
 * <p>Read character by character rather than through a {@code DateTimeFormatter}: every notification has one or
 * two times, and the formatter was the largest single cost of ingest in the benchmark's profile. The result
 * must equal {@code OffsetDateTime.parse(text).toInstant()} for every text this accepts (Rfc3339PropertiesTest).
 * The gateway reads suppliers' times with it, and {@link uk.gov.em.contracts.json.Json} the times of every record
 * on Kafka (the stream processor reads two or three per notification).
 */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /** The instant {@code text} names, or empty when it is not an RFC 3339 date-time. */
    public static Optional<Instant> parse(String text) {
        // yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)
        int n = text.length();
        if (n < 20 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
                || !digits(text, 8, 10) || (text.charAt(10) != 'T' && text.charAt(10) != 't') || !digits(text, 11, 13)
                || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
            return Optional.empty();
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int digits = i - start;
            if (digits < 1 || digits > 9) {
                return Optional.empty();
            }
            nanos = number(text, start, i);
            for (int k = digits; k < 9; k++) {
                nanos *= 10;
            }
        }
        Optional<ZoneOffset> offset = offset(text, i);
        if (offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)),
                    LocalTime.of(number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), nanos));
            return Optional.of(local.toInstant(offset.get()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The first second {@link Instant#toString} writes with five year digits (10000-01-01T00:00:00Z). */
    private static final long YEAR_10000 = 253_402_300_800L;

    /**
     * {@code instant} as {@link Instant#toString} writes it (UTC, {@code Z}, the fraction in groups of three digits
     * as needed), without a {@code DateTimeFormatter}: a notification's fingerprint and every record written to
     * Kafka carry two or three times. Instants outside years 1970–9999 are left to {@link Instant#toString}.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            put(text, 20, fraction == 3 ? nanos / 1_000_000 : fraction == 6 ? nanos / 1_000 : nanos, fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    private static void put(char[] text, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static Optional<ZoneOffset> offset(String text, int at) {
        int n = text.length();
        if (at == n - 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z')) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (at != n - 6 || (text.charAt(at) != '+' && text.charAt(at) != '-') || !digits(text, at + 1, at + 3)
                || text.charAt(at + 3) != ':' || !digits(text, at + 4, at + 6)) {
            return Optional.empty();
        }
        int hours = number(text, at + 1, at + 3);
        int minutes = number(text, at + 4, at + 6);
        if (hours > 18 || minutes > 59) {
            return Optional.empty();
        }
        int sign = text.charAt(at) == '-' ? -1 : 1;
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
