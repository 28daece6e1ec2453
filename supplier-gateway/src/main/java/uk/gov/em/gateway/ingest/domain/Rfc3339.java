package uk.gov.em.gateway.ingest.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an RFC 3339 date-time ({@code 2022-02-01T10:15:00Z}, {@code 2022-02-01T11:15:00.5+01:00}).
 * Stricter than {@link OffsetDateTime#parse}: seconds are required and the offset must be {@code Z} or
 * {@code ±hh:mm}, as RFC 3339 says.
 */
final class Rfc3339 {

    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {
    }

    static Optional<Instant> parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
