package uk.gov.em.streams.policy.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One version of the breach policy (docs/policy.md): the severity and route of every trigger, the
 * escalation ladder, the battery thresholds and the de-duplication horizon. Every case records
 * {@link #version()} and the rule that made it, so a decision can always be traced to the policy text.
 * A policy is checked whole when it is made: one that cannot be applied never exists.
 */
public record Policy(
        String version,
        Map<String, TriggerRoute> triggers,
        LadderPolicy ladder,
        BatteryPolicy battery,
        DeduplicationPolicy deduplication) {

    /** Triggers that are not catalogue codes but are raised by the stream processor itself. */
    public static final Set<String> DERIVED_TRIGGERS =
            Set.of(BreachCase.TRIGGER_ABV, BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS);

    public Policy {
        triggers = Map.copyOf(triggers);
        List<String> problems = problems(version, triggers, ladder, battery, deduplication);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException("version " + version, problems);
        }
    }

    /** Every trigger the policy must route: the whole catalogue and the two derived triggers. */
    public static Set<String> requiredTriggers() {
        return Stream.concat(Arrays.stream(BreachType.values()).map(BreachType::code), DERIVED_TRIGGERS.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The row for a catalogue type; every type has one (checked when the policy was made). */
    public TriggerRoute routeOf(BreachType type) {
        return triggers.get(type.code());
    }

    /** The row for any trigger, derived ones included. */
    public TriggerRoute routeOf(String trigger) {
        TriggerRoute route = triggers.get(trigger);
        if (route == null) {
            throw new IllegalArgumentException("policy " + version + " has no route for " + trigger);
        }
        return route;
    }

    private static List<String> problems(String version, Map<String, TriggerRoute> triggers, LadderPolicy ladder,
                                         BatteryPolicy battery, DeduplicationPolicy deduplication) {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("version is missing");
        }
        Set<String> required = requiredTriggers();
        new TreeMap<>(triggers).forEach((trigger, route) -> {
            if (!required.contains(trigger)) {
                problems.add("unknown trigger " + trigger);
            }
            if (!trigger.equals(route.trigger())) {
                problems.add("trigger " + trigger + " is filed under the wrong name " + route.trigger());
            }
            if (route.route().raisesCase() && route.severity() == null) {
                problems.add(trigger + " raises a case (route " + route.route().code() + ") but has no severity");
            }
            if (!route.route().raisesCase() && route.severity() != null) {
                problems.add(trigger + " raises no case (route " + route.route().code() + ") so must have no severity");
            }
        });
        required.stream().filter(t -> !triggers.containsKey(t)).sorted()
                .forEach(t -> problems.add("no route for " + t));
        Arrays.stream(BreachType.values()).filter(BreachType::isEpisode)
                .map(t -> triggers.get(t.code()))
                .filter(r -> r != null && r.route() != Route.NONE)
                .forEach(r -> problems.add(r.trigger() + " is an episode type: it feeds the battery and "
                        + "out-of-contact rules and must route to none, not " + r.route().code()));
        ladderProblems(ladder, problems);
        if (battery == null) {
            problems.add("battery thresholds are missing");
        } else {
            positive("battery accumulation threshold", battery.accumulationThreshold(), problems);
            positive("battery accumulation window", battery.accumulationWindow(), problems);
            positive("out-of-contact limit", battery.outOfContactLimit(), problems);
            positive("lateness horizon", battery.latenessHorizon(), problems);
            if (battery.accumulationThreshold() != null && battery.accumulationWindow() != null
                    && battery.accumulationThreshold().compareTo(battery.accumulationWindow()) > 0) {
                problems.add("battery accumulation threshold is longer than its window");
            }
        }
        if (deduplication == null) {
            problems.add("de-duplication horizon is missing");
        } else {
            positive("de-duplication horizon", deduplication.horizon(), problems);
        }
        return problems;
    }

    private static void ladderProblems(LadderPolicy ladder, List<String> problems) {
        if (ladder == null) {
            problems.add("ladder is missing");
            return;
        }
        positive("ladder window", ladder.window(), problems);
        if (ladder.steps().isEmpty()) {
            problems.add("ladder has no steps");
            return;
        }
        if (ladder.steps().getFirst().from() != 1) {
            problems.add("the first ladder step must start at the 1st breach");
        }
        for (int i = 1; i < ladder.steps().size(); i++) {
            if (ladder.steps().get(i).from() <= ladder.steps().get(i - 1).from()) {
                problems.add("ladder steps must start at strictly increasing breach counts");
            }
        }
        if (ladder.steps().stream().anyMatch(s -> s.queue() == null)) {
            problems.add("every ladder step needs a queue");
        }
    }

    private static void positive(String what, Duration value, List<String> problems) {
        if (value == null) {
            problems.add(what + " is missing");
        } else if (value.isNegative() || value.isZero()) {
            problems.add(what + " must be positive");
        }
    }
}
