package uk.gov.em.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A case for a caseworker, exactly as docs/policy.md §7 describes it.
 *
 * @param caseId        deterministic: the same input always gives the same id, so replays never make twins
 * @param trigger       a catalogue code, {@code ACCUMULATED_BATTERY_VIOLATION} or {@code OUT_OF_CONTACT_7_DAYS}
 * @param openedAt      the trigger's event time (for an ABV, the instant T to the second)
 * @param raisedAt      when the stream processor raised the case
 * @param harmLevel     the person's harm level when the case was raised; {@code null} when unknown
 * @param explanation   one plain-English sentence saying why this case is in this queue
 */
public record BreachCase(
        String caseId,
        String subjectId,
        Queue queue,
        Severity severity,
        String trigger,
        String policyVersion,
        String ruleId,
        CaseEvidence evidence,
        Instant openedAt,
        Instant raisedAt,
        HarmLevel harmLevel,
        String explanation) implements CaseEvent {

    /** The trigger of an accumulated battery violation. */
    public static final String TRIGGER_ABV = "ACCUMULATED_BATTERY_VIOLATION";

    /** The trigger of an episode that stayed open for seven days. */
    public static final String TRIGGER_OUT_OF_CONTACT_7_DAYS = "OUT_OF_CONTACT_7_DAYS";

    public BreachCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(explanation, "explanation");
    }
}
