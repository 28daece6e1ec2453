package uk.gov.em.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The field rules of docs/api/supplier-api.md that need no parsing: identifier shapes, time order and bounds,
 * the size of {@code details}. Each broken rule is one {@link FieldProblem} naming its field.
 */
public final class NotificationRules {

    /** The characters an identifier may use: {@code A-Z a-z 0-9 . _ : -}. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]+");
    public static final int NOTIFICATION_ID_MAX = 128;
    public static final int SUBJECT_ID_MAX = 64;
    public static final int DEVICE_ID_MAX = 64;
    public static final int EPISODE_ID_MAX = 128;
    public static final int DETAILS_MAX_BYTES = 4096;
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private NotificationRules() {
    }

    /** Every rule the notification breaks, judged at {@code now}; empty when it is acceptable. */
    public static List<FieldProblem> check(Notification n, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        identifier("notificationId", n.notificationId(), NOTIFICATION_ID_MAX, problems);
        identifier("subjectId", n.subjectId(), SUBJECT_ID_MAX, problems);
        if (n.deviceId() != null) {
            identifier("deviceId", n.deviceId(), DEVICE_ID_MAX, problems);
        }
        if (n.episodeId() != null) {
            identifier("episodeId", n.episodeId(), EPISODE_ID_MAX, problems);
        }
        time("occurredAt", n.occurredAt(), now, problems);
        if (n.endedAt() != null) {
            time("endedAt", n.endedAt(), now, problems);
            if (n.endedAt().isBefore(n.occurredAt())) {
                problems.add(FieldProblem.impossible("endedAt", "must not be before occurredAt"));
            }
        }
        if (n.details() != null && detailsBytes(n.details()) > DETAILS_MAX_BYTES) {
            problems.add(FieldProblem.malformed("details", "must be at most " + DETAILS_MAX_BYTES + " bytes serialised"));
        }
        return problems;
    }

    private static void identifier(String field, String value, int max, List<FieldProblem> problems) {
        if (value.isEmpty() || value.length() > max) {
            problems.add(FieldProblem.malformed(field, "must be 1 to " + max + " characters"));
        } else if (!IDENTIFIER.matcher(value).matches()) {
            problems.add(FieldProblem.malformed(field, "may use only A-Z a-z 0-9 . _ : -"));
        }
    }

    private static void time(String field, Instant value, Instant now, List<FieldProblem> problems) {
        if (value.isBefore(EARLIEST)) {
            problems.add(FieldProblem.impossible(field, "must not be before 2000-01-01T00:00:00Z"));
        } else if (value.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(FieldProblem.impossible(field, "must not be more than 5 minutes in the future"));
        }
    }

    /** The size of {@code details} as compact JSON: {@code {"k":"v",...}}, with JSON string escaping. */
    static int detailsBytes(Map<String, String> details) {
        return uk.gov.em.contracts.json.Json.toBytes(details).length;
    }

    /**
     * One broken rule: the field, what is wrong, and whether the request was malformed (400) or
     * well-formed but impossible (422).
     */
    public record FieldProblem(String field, String detail, Kind kind) {

        public enum Kind { MALFORMED, IMPOSSIBLE }

        public static FieldProblem malformed(String field, String detail) {
            return new FieldProblem(field, detail, Kind.MALFORMED);
        }

        public static FieldProblem impossible(String field, String detail) {
            return new FieldProblem(field, detail, Kind.IMPOSSIBLE);
        }
    }
}
