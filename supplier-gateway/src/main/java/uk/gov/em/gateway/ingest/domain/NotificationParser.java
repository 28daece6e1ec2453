package uk.gov.em.gateway.ingest.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.NotificationRules;
import uk.gov.em.contracts.NotificationRules.FieldProblem;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.contracts.Rfc3339;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of one notification into a {@link Notification} or the list of everything wrong
 * with it, naming every bad field (docs/api/supplier-api.md, "A notification"). Strict: unknown fields, duplicate
 * keys, ill-typed values and trailing content are rejected; an explicit {@code null} for an optional
 * field means the field is absent. Pure and thread-safe, so batches can reuse it item by item via
 * {@link #parse(JsonNode, Instant)}.
 */
public final class NotificationParser {

    /** The field name used for a problem with the body as a whole (not JSON, not an object). */
    public static final String BODY = "$";

    static final List<String> FIELDS = List.of("notificationId", "subjectId", "deviceId", "type",
            "occurredAt", "endedAt", "episodeId", "details");

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,128})'");

    private static final ObjectMapper STRICT = JsonMapper.builder(Json.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Parses one notification from raw JSON bytes, judging times against {@code now}. */
    public ParseOutcome parse(byte[] json, Instant now) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            Optional<String> duplicate = duplicateField(e);
            if (duplicate.isPresent()) {
                return invalid(FieldProblem.malformed(duplicate.get(), "appears more than once"));
            }
            return invalid(FieldProblem.malformed(BODY, "is not valid JSON" + where(e)));
        } catch (IOException e) {
            return invalid(FieldProblem.malformed(BODY, "is not valid JSON"));
        }
        if (root == null || root.isMissingNode()) {
            return invalid(FieldProblem.malformed(BODY, "is empty; expected a JSON object"));
        }
        return parse(root, now);
    }

    /** Judges one already-parsed JSON value as a notification (a batch hands in its items one by one). */
    public ParseOutcome parse(JsonNode node, Instant now) {
        if (!node.isObject()) {
            return invalid(FieldProblem.malformed(BODY, "must be a JSON object, not " + describe(node)));
        }
        Fields f = new Fields(node);
        String notificationId = f.string("notificationId", true);
        String subjectId = f.string("subjectId", true);
        String deviceId = f.string("deviceId", false);
        BreachType type = f.type();
        Instant occurredAt = f.time("occurredAt", true);
        Instant endedAt = f.time("endedAt", false);
        String episodeId = f.string("episodeId", false);
        Map<String, String> details = f.details();
        f.rejectUnknownFields();

        List<FieldProblem> problems = new ArrayList<>(f.problems);
        problems.addAll(ruleProblems(notificationId, subjectId, deviceId, occurredAt, endedAt, episodeId, details,
                f.unusable, now));
        if (!problems.isEmpty()) {
            return new ParseOutcome.Invalid(sortedByField(problems));
        }
        return new ParseOutcome.Valid(new Notification(notificationId, subjectId, deviceId, type, occurredAt,
                endedAt, episodeId, details));
    }

    /**
     * Applies {@link NotificationRules} even when some fields are missing or ill-typed, so every bad field is
     * named at once: the rules judge a whole notification, so an unusable field is stood in for by a value
     * the rules accept, and any problem reported for a stand-in is dropped.
     */
    private static List<FieldProblem> ruleProblems(String notificationId, String subjectId, String deviceId,
            Instant occurredAt, Instant endedAt, String episodeId, Map<String, String> details,
            Set<String> unusable, Instant now) {
        Instant occurredProbe = occurredAt != null ? occurredAt : endedAt != null ? endedAt : NotificationRules.EARLIEST;
        Notification probe = new Notification(
                notificationId != null ? notificationId : "stand-in",
                subjectId != null ? subjectId : "stand-in",
                deviceId, BreachType.OUT_OF_CONTACT, occurredProbe, endedAt, episodeId, details);
        return NotificationRules.check(probe, now).stream()
                .filter(p -> !unusable.contains(p.field()))
                .toList();
    }

    private static List<FieldProblem> sortedByField(List<FieldProblem> problems) {
        List<FieldProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Integer.compare(order(a.field()), order(b.field())));
        return sorted;
    }

    private static int order(String field) {
        int known = FIELDS.indexOf(field.startsWith("details.") ? "details" : field);
        return known < 0 ? FIELDS.size() : known;
    }

    private static ParseOutcome invalid(FieldProblem problem) {
        return new ParseOutcome.Invalid(List.of(problem));
    }

    /** Jackson names a repeated key only in its message: {@code Duplicate field 'x'}. */
    private static Optional<String> duplicateField(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** A hint naming the field an unknown name is probably a typo of, or nothing. */
    static String suggestion(String unknown) {
        return FIELDS.stream()
                .filter(known -> Typos.distance(unknown, known) <= 2)
                .findFirst()
                .map(known -> " (did you mean '" + known + "'?)")
                .orElse("");
    }

    /** Echoing a supplier's value back: long enough to recognise, short enough to bound the response. */
    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    /** A rejected item's notificationId as echoed in a batch result: whole when it could be valid, else cut. */
    static String claimedId(String id) {
        int max = NotificationRules.NOTIFICATION_ID_MAX;
        return id.length() <= max ? id : id.substring(0, max) + "...";
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case NULL -> "null";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Reads fields off one JSON object, collecting a problem for each bad one. */
    private static final class Fields {

        private final JsonNode object;
        private final List<FieldProblem> problems = new ArrayList<>();
        /** Fields present or required that could not be read; the rules must not judge them again. */
        private final Set<String> unusable = new HashSet<>();

        Fields(JsonNode object) {
            this.object = object;
        }

        String string(String field, boolean required) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    reject(field, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                reject(field, "must be a string, not " + describe(value));
                return null;
            }
            return value.textValue();
        }

        BreachType type() {
            String code = string("type", true);
            if (code == null) {
                return null;
            }
            Optional<BreachType> type = BreachType.fromCode(code);
            if (type.isEmpty()) {
                problems.add(FieldProblem.impossible("type", "'" + abbreviate(code) + "' is not a code of the breach type catalogue"));
            }
            return type.orElse(null);
        }

        Instant time(String field, boolean required) {
            String text = string(field, required);
            if (text == null) {
                return null;
            }
            Optional<Instant> time = Rfc3339.parse(text);
            if (time.isEmpty()) {
                reject(field, "must be an RFC 3339 date-time with seconds and Z or an offset, e.g. 2022-02-01T10:15:00Z");
            }
            return time.orElse(null);
        }

        Map<String, String> details() {
            JsonNode value = object.get("details");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                reject("details", "must be an object of string values, not " + describe(value));
                return null;
            }
            Map<String, String> details = new LinkedHashMap<>();
            boolean flat = true;
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (entry.getValue().isTextual()) {
                    details.put(entry.getKey(), entry.getValue().textValue());
                } else {
                    problems.add(FieldProblem.malformed("details." + entry.getKey(),
                            "must be a string, not " + describe(entry.getValue())));
                    flat = false;
                }
            }
            if (!flat) {
                unusable.add("details");
                return null;
            }
            return details;
        }

        void rejectUnknownFields() {
            for (String name : iterable(object.fieldNames())) {
                if (!FIELDS.contains(name)) {
                    problems.add(FieldProblem.malformed(name, "is not a field of a notification" + suggestion(name)));
                }
            }
        }

        private void reject(String field, String detail) {
            problems.add(FieldProblem.malformed(field, detail));
            unusable.add(field);
        }


        private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
            return () -> it;
        }
    }
}
