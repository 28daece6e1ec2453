package uk.gov.em.gateway.ratelimit.domain;

/** Whether a supplier may send this many notifications now. */
public sealed interface RateDecision {

    /** Within the limit; the allowance is spent. */
    record Allowed() implements RateDecision {
    }

    /** Over the limit now; enough allowance returns after {@code retryAfterSeconds}. Nothing was spent. */
    record Limited(long retryAfterSeconds) implements RateDecision {
    }

    /** More notifications in one request than the supplier's whole burst: it can never pass, so split it. */
    record LargerThanBurst(long burst) implements RateDecision {
    }
}
