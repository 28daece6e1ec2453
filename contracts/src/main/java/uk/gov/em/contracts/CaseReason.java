package uk.gov.em.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why a case was raised and why it went to its queue, as data: what triggered it (one record per kind of
 * trigger) and how the policy placed it (straight to a queue, or by its position on the escalation ladder),
 * with the rule and the policy version that decided. breach-streams sends it; the hub writes the sentence a
 * caseworker reads from it, so the wording can change without redeploying the stream processor.
 *
 * <p>On the wire the kind is in {@code "kind"} and the placement's in {@code "route"}. A reader that meets a
 * kind it does not know (a newer writer) reads no reason at all, and shows the case's stored explanation.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", defaultImpl = Void.class)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CaseReason.AccumulatedBatteryViolation.class, name = "ACCUMULATED_BATTERY_VIOLATION"),
        @JsonSubTypes.Type(value = CaseReason.OutOfContactSevenDays.class, name = "OUT_OF_CONTACT_7_DAYS"),
        @JsonSubTypes.Type(value = CaseReason.SingleBreach.class, name = "BREACH")
})
public sealed interface CaseReason {

    /** Where the policy sent the case and why; {@code null} only when a newer writer used a kind unknown here. */
    Placement placement();

    /** The id of the policy rule that decided the queue (the case's {@code ruleId}). */
    String ruleId();

    /** The version of the policy file that decided (the case's {@code policyVersion}). */
    String policyVersion();

    /**
     * Battery time out of contact reached the threshold within the window (docs/policy.md §3).
     *
     * @param windowFrom       the start of the window, T − 7 days (exclusive)
     * @param windowTo         T, the instant the threshold was reached (inclusive)
     * @param periods          the battery time counted, clipped to the window, overlaps merged, oldest first
     * @param totalSeconds     the seconds counted: the sum of the periods' (the threshold exactly)
     * @param thresholdSeconds the policy's threshold (12 hours)
     */
    record AccumulatedBatteryViolation(Instant windowFrom, Instant windowTo, List<BatteryPeriod> periods,
                                       long totalSeconds, long thresholdSeconds, Placement placement, String ruleId,
                                       String policyVersion) implements CaseReason {

        public AccumulatedBatteryViolation {
            periods = periods == null ? List.of() : List.copyOf(periods);
        }

        /** The reason with its total counted from its periods. */
        public static AccumulatedBatteryViolation of(Instant windowFrom, Instant windowTo, List<BatteryPeriod> periods,
                                                     long thresholdSeconds, Placement placement, String ruleId,
                                                     String policyVersion) {
            long total = periods.stream().mapToLong(BatteryPeriod::durationSeconds).sum();
            return new AccumulatedBatteryViolation(windowFrom, windowTo, periods, total, thresholdSeconds, placement,
                    ruleId, policyVersion);
        }
    }

    /**
     * A piece of battery time that counted towards an accumulated battery violation, [start, end).
     *
     * @param episodeIds every episode covering it (more than one where reported periods overlapped)
     */
    record BatteryPeriod(List<String> episodeIds, Instant start, Instant end, long durationSeconds) {

        public BatteryPeriod {
            episodeIds = episodeIds == null ? List.of() : List.copyOf(episodeIds);
        }
    }

    /**
     * An episode out of contact reached the limit without an end (docs/policy.md §4).
     *
     * @param episodeType  the catalogue code of the episode, {@code BATTERY_DEPLETED} or {@code OUT_OF_CONTACT}
     * @param startedAt    when the episode began
     * @param reachedAt    when it reached the limit: the case's {@code openedAt}
     * @param limitSeconds the policy's limit (168 hours)
     */
    record OutOfContactSevenDays(String episodeId, String episodeType, Instant startedAt, Instant reachedAt,
                                 long limitSeconds, Placement placement, String ruleId, String policyVersion)
            implements CaseReason {
    }

    /**
     * One notification of a breach that opens a case by itself (docs/policy.md §5).
     *
     * @param trigger    its catalogue code
     * @param occurredAt when the breach happened
     */
    record SingleBreach(String notificationId, String trigger, Instant occurredAt, Placement placement,
                        String ruleId, String policyVersion) implements CaseReason {
    }

    /** How the policy placed the case: straight to a queue by its route, or by the escalation ladder. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "route", defaultImpl = Void.class)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Direct.class, name = "DIRECT"),
            @JsonSubTypes.Type(value = Ladder.class, name = "LADDER")
    })
    sealed interface Placement {

        /** The queue the case went to. */
        Queue queue();

        /**
         * True when the policy would have sent the case to prosecutions but the person is flagged vulnerable,
         * so it went to reviews instead (docs/policy.md §6).
         */
        boolean vulnerableOverride();
    }

    /** Straight to a queue by the severity and route table (docs/policy.md §5). */
    record Direct(Queue queue, Severity severity, boolean vulnerableOverride) implements Placement {
    }

    /**
     * By the escalation ladder (docs/policy.md §6): the case is the {@code position}-th qualifying breach in
     * the {@code windowDays} up to and including it.
     *
     * @param earlier the earlier qualifying breaches counted, oldest first
     */
    record Ladder(int position, int windowDays, List<EarlierBreach> earlier, Queue queue, boolean vulnerableOverride)
            implements Placement {

        public Ladder {
            earlier = earlier == null ? List.of() : List.copyOf(earlier);
        }
    }

    /** An earlier qualifying breach on the person's ladder: its trigger, when it happened and the case it raised. */
    record EarlierBreach(String trigger, Instant occurredAt, String caseId) {

        public EarlierBreach {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
