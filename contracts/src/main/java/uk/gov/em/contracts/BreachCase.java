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
 * @param explanation   one plain-English sentence saying why this case is in this queue, as the writer worded it;
 *                      kept for readers of the first format
 * @param contractVersion the format of this record: {@value #FIRST_VERSION} (an explanation only; absent on the
 *                      wire) or {@value #CONTRACT_VERSION} (with {@code reason})
 * @param reason        why, as data (from {@value #CONTRACT_VERSION}); {@code null} in the first format, for cases
 *                      the hub raises itself, and when a newer writer used a kind of reason unknown to this reader
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
        String explanation,
        int contractVersion,
        CaseReason reason) implements CaseEvent {

    /** The first format: a sentence of explanation and no structured reason. */
    public static final int FIRST_VERSION = 1;

    /** The format written now: the explanation and the structured {@link CaseReason}. */
    public static final int CONTRACT_VERSION = 2;

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
        if (contractVersion < FIRST_VERSION) {
            contractVersion = FIRST_VERSION; // a record of the first format carries no version
        }
    }

    /** A case in the first format: an explanation and no structured reason. */
    public BreachCase(String caseId, String subjectId, Queue queue, Severity severity, String trigger,
                      String policyVersion, String ruleId, CaseEvidence evidence, Instant openedAt, Instant raisedAt,
                      HarmLevel harmLevel, String explanation) {
        this(caseId, subjectId, queue, severity, trigger, policyVersion, ruleId, evidence, openedAt, raisedAt,
                harmLevel, explanation, FIRST_VERSION, null);
    }
}
