package uk.gov.em.streams.policy;

import java.util.List;
import java.util.Map;

/**
 * The policy file exactly as written in YAML, before any meaning is given to it. Every field is a plain
 * value so that a bad one is reported as a policy problem rather than a parser stack trace.
 */
record PolicyFile(
        String version,
        Map<String, TriggerEntry> triggers,
        LadderEntry ladder,
        BatteryEntry battery,
        DeduplicationEntry deduplication) {

    record TriggerEntry(String severity, String route) {
    }

    record LadderEntry(Integer windowDays, List<StepEntry> steps) {
    }

    record StepEntry(Integer from, String queue) {
    }

    record BatteryEntry(
            Integer accumulationThresholdHours,
            Integer accumulationWindowDays,
            Integer outOfContactLimitHours,
            Integer latenessHorizonDays) {
    }

    record DeduplicationEntry(Integer horizonDays) {
    }
}
