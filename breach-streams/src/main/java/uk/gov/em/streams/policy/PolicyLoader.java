package uk.gov.em.streams.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.policy.domain.BatteryPolicy;
import uk.gov.em.streams.policy.domain.DeduplicationPolicy;
import uk.gov.em.streams.policy.domain.InvalidPolicyException;
import uk.gov.em.streams.policy.domain.LadderPolicy;
import uk.gov.em.streams.policy.domain.LadderStep;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.policy.domain.Route;
import uk.gov.em.streams.policy.domain.TriggerRoute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the versioned breach policy from YAML into a {@link Policy}, failing fast (with every problem
 * listed) on a file that does not cover the catalogue or does not make sense. The default policy ships in
 * the jar as {@value #DEFAULT_RESOURCE}; environment variable {@value #ENV_POLICY_FILE} may name another file.
 */
public final class PolicyLoader {

    public static final String DEFAULT_RESOURCE = "policy/breach-policy-v1.yaml";
    public static final String ENV_POLICY_FILE = "EM_POLICY_FILE";

    // Unknown keys fail: a misspelt threshold must not silently fall back to nothing.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PolicyLoader() {
    }

    /** The policy named by {@code file} when present and not blank, else the default shipped in the jar. */
    public static Policy load(Optional<String> file) {
        return file.filter(f -> !f.isBlank()).map(Path::of).map(PolicyLoader::load).orElseGet(PolicyLoader::loadDefault);
    }

    /** The default policy shipped in the jar. */
    public static Policy loadDefault() {
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default policy " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return read(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    public static Policy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
    }

    /** Parses and checks a policy; {@code source} names it in error messages. */
    public static Policy read(InputStream yaml, String source) {
        PolicyFile file;
        try {
            file = YAML.readValue(yaml, PolicyFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidPolicyException(source, List.of(e.getOriginalMessage() + " at " + e.getPathReference()));
        } catch (IOException e) {
            throw new InvalidPolicyException(source, List.of("not readable YAML: " + e.getMessage()));
        }
        if (file == null) {
            throw new InvalidPolicyException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, TriggerRoute> triggers = triggers(file.triggers(), problems);
        LadderPolicy ladder = ladder(file.ladder(), problems);
        BatteryPolicy battery = battery(file.battery());
        DeduplicationPolicy deduplication = file.deduplication() == null ? null
                : new DeduplicationPolicy(days(file.deduplication().horizonDays()));
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source, problems);
        }
        try {
            return new Policy(file.version(), triggers, ladder, battery, deduplication);
        } catch (InvalidPolicyException e) {
            throw new InvalidPolicyException(source, e.problems());
        }
    }

    private static Map<String, TriggerRoute> triggers(Map<String, PolicyFile.TriggerEntry> entries, List<String> problems) {
        Map<String, TriggerRoute> triggers = new HashMap<>();
        if (entries == null) {
            problems.add("triggers are missing");
            return triggers;
        }
        entries.forEach((trigger, entry) -> {
            if (entry == null) {
                problems.add(trigger + " has no route");
                return;
            }
            Optional<Route> route = Route.fromCode(entry.route());
            if (route.isEmpty()) {
                problems.add(trigger + " has unknown route '" + entry.route()
                        + "' (expected reviews, prosecutions, ladder, none or supplier-log)");
            }
            Optional<Severity> severity = Optional.ofNullable(entry.severity())
                    .map(s -> parse(s, Severity::valueOf, problems, trigger + " has unknown severity"));
            if (route.isPresent() && (entry.severity() == null || severity.isPresent())) {
                triggers.put(trigger, new TriggerRoute(trigger, route.get(), severity.orElse(null)));
            }
        });
        return triggers;
    }

    private static LadderPolicy ladder(PolicyFile.LadderEntry entry, List<String> problems) {
        if (entry == null) {
            return null;
        }
        List<LadderStep> steps = new ArrayList<>();
        for (PolicyFile.StepEntry step : entry.steps() == null ? List.<PolicyFile.StepEntry>of() : entry.steps()) {
            Optional<Queue> queue = Queue.fromPath(step.queue());
            if (queue.isEmpty()) {
                problems.add("ladder step has unknown queue '" + step.queue() + "' (expected warnings, reviews or prosecutions)");
            } else if (step.from() == null) {
                problems.add("ladder step to " + step.queue() + " has no 'from'");
            } else {
                steps.add(new LadderStep(step.from(), queue.get()));
            }
        }
        return new LadderPolicy(days(entry.windowDays()), steps);
    }

    private static BatteryPolicy battery(PolicyFile.BatteryEntry entry) {
        if (entry == null) {
            return null;
        }
        return new BatteryPolicy(hours(entry.accumulationThresholdHours()), days(entry.accumulationWindowDays()),
                hours(entry.outOfContactLimitHours()), days(entry.latenessHorizonDays()));
    }

    private static <T> T parse(String value, Function<String, T> parser, List<String> problems, String problem) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(problem + " '" + value + "'");
            return null;
        }
    }

    private static Duration days(Integer days) {
        return days == null ? null : Duration.ofDays(days);
    }

    private static Duration hours(Integer hours) {
        return hours == null ? null : Duration.ofHours(hours);
    }
}
