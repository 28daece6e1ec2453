package uk.gov.em.hub.pages.common;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.NoFurtherActionReason;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.ProsecutionDecision;
import uk.gov.em.hub.cases.domain.ProsecutionOutcome;
import uk.gov.em.hub.cases.domain.ReviewOutcome;
import uk.gov.em.hub.cases.domain.SafeguardingOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The words the pages show for the codes the API and the wire records carry, from one bundle
 * ({@code labels.properties}): triggers, statuses, severities, harm levels, actions, audit actions,
 * device types, queues, breach types, data-quality kinds and the casework outcomes and reasons. The API
 * keeps its codes; only pages read this. Templates reach it as {@code labels}; {@code LabelsTest} fails
 * when a code has no words (docs/adr/0006-one-bundle-of-words-for-the-pages.md says why a bundle).
 */
public final class Labels {

    /** The one set of words, read once from the classpath. */
    public static final Labels WORDS = new Labels(read("labels.properties"));

    /** A choice on a form: the code sent and the words shown. */
    public record Choice(String value, String label) {
    }

    /** One detail of an audit entry, as a summary list row. */
    public record Detail(String key, String value) {
    }

    /** The details whose values are codes of a type, so they read as words. */
    private static final Map<String, Class<? extends Enum<?>>> CODED_DETAILS = Map.of(
            "severity", Severity.class, "harmLevel", HarmLevel.class, "deviceType", DeviceType.class,
            "emEndReason", EmEndReason.class, "method", ContactMethod.class, "party", NotifiedParty.class,
            "status", CaseStatus.class);

    private final Properties words;

    private Labels(Properties words) {
        this.words = words;
    }

    private static Properties read(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The bundle key of a code: its type's name inside its package (outer types included) and its name. */
    public static String key(Enum<?> code) {
        Class<?> type = code.getDeclaringClass();
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.') + "." + code.name();
    }

    /** The words for a key, if the bundle has them. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(words.getProperty(key));
    }

    /** The words for a code ({@code ""} for none). */
    public String of(Enum<?> code) {
        return code == null ? "" : find(key(code)).orElse(code.name());
    }

    /** A harm level in words, "Not known" when the person has none. */
    public String harmLevel(HarmLevel level) {
        return level == null ? words.getProperty("harmLevel.unknown") : of(level);
    }

    /** Every constant of a code type as a form choice, in declaration order. */
    public <E extends Enum<E>> List<Choice> choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new Choice(e.name(), of(e))).toList();
    }

    /** A queue's name. */
    public String queue(Queue queue) {
        return of(queue);
    }

    /** A queue's name from its path word ({@code warnings}), or the word if no queue has it. */
    public String queuePath(String path) {
        return path == null ? "" : Queue.fromPath(path).map(this::of).orElse(path);
    }

    /** A case status in words from its code, or the code if no status has it. */
    public String status(String code) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(code)).findFirst().map(this::of)
                .orElse(code);
    }

    /** The words for a case's trigger: a breach type, or a trigger of the stream processor or the hub. */
    public String trigger(String code) {
        if (code == null) {
            return "";
        }
        return BreachType.fromCode(code).map(this::of).or(() -> find("trigger." + code)).orElse(code);
    }

    /** A row of the published MI table: a breach type, or "Other". */
    public String breachType(String code) {
        return BreachType.MI_OTHER.equals(code) ? words.getProperty("breachType.OTHER") : trigger(code);
    }

    /** The words for any outcome or reason code an action recorded, or the code if it is none of them. */
    public String outcomeOrReason(String code) {
        if (code == null) {
            return null;
        }
        for (Class<? extends Enum<?>> type : List.of(ReviewOutcome.class, NoFurtherActionReason.class,
                ProsecutionDecision.class, ProsecutionOutcome.class, SafeguardingOutcome.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(code)) {
                    return of(e);
                }
            }
        }
        return code;
    }

    /** Who did something: a person's user name, or what the hub calls its own parts. */
    public String actor(String actor) {
        return actor == null ? "" : find("actor." + actor).orElse(actor);
    }

    /** An audit entry as a sentence: "caseworker claimed the case". */
    public String auditSentence(String actor, String action) {
        // plain substitution, not MessageFormat: the sentences are full of apostrophes
        return find("audit." + action).map(pattern -> pattern.replace("{0}", actor(actor)))
                .orElseGet(() -> words.getProperty("audit.unknown").replace("{0}", actor(actor))
                        .replace("{1}", action));
    }

    /**
     * The details an audit entry recorded (a small JSON object, or plain text), each named and in words:
     * codes as their labels, instants and dates as dates, true and false as yes and no.
     */
    public List<Detail> auditDetails(String detail) {
        if (detail == null || detail.isBlank()) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(detail);
        } catch (IOException | RuntimeException notJson) {
            return List.of(new Detail(words.getProperty("detail.note"), detail));
        }
        if (tree == null || !tree.isObject()) {
            return List.of(new Detail(words.getProperty("detail.note"), detail));
        }
        List<Detail> details = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            details.add(new Detail(find("detail." + field.getKey()).orElse(field.getKey()),
                    detailValue(field.getKey(), field.getValue().asText())));
        }
        return details;
    }

    private String detailValue(String key, String value) {
        Class<? extends Enum<?>> type = CODED_DETAILS.get(key);
        if (type != null) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return of(e);
                }
            }
        }
        switch (key) {
            case "queue" -> {
                return Queue.fromPath(value).map(this::of).orElse(value);
            }
            case "trigger" -> {
                return trigger(value);
            }
            case "outcome", "reason" -> {
                return outcomeOrReason(value);
            }
            case "from", "to" -> {
                for (CaseStatus s : CaseStatus.values()) {
                    if (s.name().equals(value)) {
                        return of(s);
                    }
                }
            }
            default -> {
            }
        }
        if ("true".equals(value) || "false".equals(value)) {
            return yesNo(Boolean.parseBoolean(value));
        }
        try {
            return Ages.when(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            // not a time: a date, or words as they were written
        }
        try {
            return Ages.day(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            return value;
        }
    }

    public String yesNo(boolean value) {
        return words.getProperty(value ? "yes" : "no");
    }

    /** The words of an attention flag, {@code null} when there is none. */
    public String attention(Attention attention) {
        return attention == null ? null : of(attention);
    }

    /** The actions as a caseworker chooses them. */
    public String action(CaseAction action) {
        return of(action);
    }
}
