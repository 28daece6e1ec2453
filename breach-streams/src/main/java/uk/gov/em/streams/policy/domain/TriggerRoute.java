package uk.gov.em.streams.policy.domain;

import uk.gov.em.contracts.Severity;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of the severity and route table (docs/policy.md §5).
 *
 * @param trigger  a catalogue code, {@code ACCUMULATED_BATTERY_VIOLATION} or {@code OUT_OF_CONTACT_7_DAYS}
 * @param severity the case's severity; {@code null} exactly when the route raises no case
 */
public record TriggerRoute(String trigger, Route route, Severity severity) {

    public TriggerRoute {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(route, "route");
    }

    /** The id of the rule this row is, as cases record it: {@code route.strap-tamper}. */
    public String ruleId() {
        return "route." + trigger.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
