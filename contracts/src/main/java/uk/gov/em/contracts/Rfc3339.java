package uk.gov.em.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads an RFC 3339 date-time ({@code 2022-02-01T10:15:00Z}, {@code 2022-02-01T11:15:00.5+01:00}).
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
