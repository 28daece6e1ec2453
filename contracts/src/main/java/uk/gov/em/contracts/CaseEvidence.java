package uk.gov.em.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The facts a decision stood on, so a caseworker can check it.
 *
 * @param notificationIds    the notifications that made the trigger
 * @param periods            for battery and out-of-contact rules: the periods counted, clipped to the window
 * @param qualifyingBreaches the person's qualifying breaches in the ladder window, this one included
 * @param earlierBreaches    the earlier qualifying breaches counted, oldest first
 */
public record CaseEvidence(
        List<String> notificationIds,
        List<Period> periods,
        int qualifyingBreaches,
        List<EarlierBreach> earlierBreaches) {

    public CaseEvidence {
        notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
        periods = periods == null ? List.of() : List.copyOf(periods);
        earlierBreaches = earlierBreaches == null ? List.of() : List.copyOf(earlierBreaches);
    }

    /** A period out of contact that counted, [from, to), and how many of its seconds counted. */
    public record Period(String episodeId, Instant from, Instant to, long seconds) {
    }

    /** An earlier qualifying breach on the person's ladder. */
    public record EarlierBreach(String trigger, Instant occurredAt) {
    }
}
