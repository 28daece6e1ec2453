package uk.gov.em.hub.subjects.domain;

import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the words of {@code PUT /api/v1/subjects/{id}} into a {@link Subject}, as docs/api/hub-api.md says:
 * {@code harmLevel} one of VERY_HIGH, HIGH, MEDIUM, LOW; {@code deviceType} one of FITTED_GPS, FITTED_RF,
 * NON_FITTED; {@code emStartDate} an ISO date; {@code vulnerable} a boolean, which must be given because
 * it changes where the person's cases go. Harm level, device type and start date may be {@code null}
 * (unknown). Every problem is reported, not just the first.
 */
public final class SubjectRegistration {

    /** Subject ids as keys on em.subjects and in URLs: no spaces, slashes or control characters. */
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private SubjectRegistration() {
    }

    public static Subject parse(String subjectId, String harmLevel, Boolean vulnerable, String deviceType,
                                String emStartDate, Instant now) {
        return parse(subjectId, harmLevel, vulnerable, deviceType, emStartDate, null, null, now);
    }

    /**
     * As {@link #parse(String, String, Boolean, String, String, Instant)}, with the end of EM: an
     * {@code emEndDate} needs an {@code emEndReason} (TAG_REMOVED, BAIL_ENDED, REMOVED_FROM_UK, DETAINED)
     * and the reverse, and it cannot be before the start.
     */
    public static Subject parse(String subjectId, String harmLevel, Boolean vulnerable, String deviceType,
                                String emStartDate, String emEndDate, String emEndReason, Instant now) {
        List<String> problems = new ArrayList<>();
        if (subjectId == null || !SUBJECT_ID.matcher(subjectId).matches()) {
            problems.add("subjectId must be 1 to 128 letters, digits or . _ : @ -");
        }
        HarmLevel harm = word(harmLevel, "harmLevel", HarmLevel.values(), HarmLevel::valueOf, problems);
        DeviceType device = word(deviceType, "deviceType", DeviceType.values(), DeviceType::valueOf, problems);
        if (vulnerable == null) {
            problems.add("vulnerable is required: true or false");
        }
        LocalDate start = null;
        if (emStartDate != null) {
            try {
                start = LocalDate.parse(emStartDate);
            } catch (DateTimeParseException e) {
                problems.add("emStartDate must be a date like 2022-02-03 (was '" + emStartDate + "')");
            }
        }
        LocalDate end = date(emEndDate, "emEndDate", problems);
        EmEndReason reason = word(emEndReason, "emEndReason", EmEndReason.values(), EmEndReason::valueOf, problems);
        if ((emEndDate == null) != (emEndReason == null)) {
            problems.add("emEndDate and emEndReason go together: give both or neither");
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("emEndDate must not be before emStartDate");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubject(problems);
        }
        return new Subject(subjectId, harm, vulnerable, device, start, now, end, reason);
    }

    private static LocalDate date(String value, String field, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field + " must be a date like 2022-02-03 (was '" + value + "')");
            return null;
        }
    }

    private static <E extends Enum<E>> E word(String value, String field, E[] values, Function<String, E> parse,
                                              List<String> problems) {
        if (value == null) {
            return null;
        }
        if (Arrays.stream(values).noneMatch(v -> v.name().equals(value))) {
            problems.add(field + " must be one of " + Arrays.stream(values).map(Enum::name)
                    .collect(Collectors.joining(", ")) + " (was '" + value + "')");
            return null;
        }
        return parse.apply(value);
    }
}
