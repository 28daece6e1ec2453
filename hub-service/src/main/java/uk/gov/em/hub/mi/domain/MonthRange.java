package uk.gov.em.hub.mi.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The months an MI report covers, {@code from} and {@code to} inclusive ({@code 2021-09} to
 * {@code 2022-02}), as UTC instants [start, end). At most ten years, so no report scans everything.
 */
public record MonthRange(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 120;

    public MonthRange {
        if (from.isAfter(to)) {
            throw new InvalidParameter("from", "must not be after to (" + from + " > " + to + ")");
        }
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw new InvalidParameter("to", "must be within " + MAX_MONTHS + " months of from");
        }
    }

    /** The range named by two query words like {@code 2021-09}. */
    public static MonthRange parse(String from, String to) {
        return new MonthRange(month("from", from), month("to", to));
    }

    public Instant start() {
        return from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endExclusive() {
        return to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static YearMonth month(String name, String word) {
        if (word == null || word.isBlank()) {
            throw new InvalidParameter(name, "is required, a month like 2021-09");
        }
        try {
            return YearMonth.parse(word);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name, "must be a month like 2021-09 (was '" + word + "')");
        }
    }
}
