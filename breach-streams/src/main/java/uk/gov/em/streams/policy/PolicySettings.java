package uk.gov.em.streams.policy;

import uk.gov.em.streams.policy.domain.Policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code BreachTopology.build} needs to know: the policy to apply and how often the
 * processors tidy their state. Built the same way by the service and by the tests.
 *
 * @param policy              the breach policy in force
 * @param dedupPurgeInterval  how much stream time passes between sweeps of the de-duplication store
 */
public record PolicySettings(Policy policy, Duration dedupPurgeInterval) {

    public static final Duration DEFAULT_DEDUP_PURGE_INTERVAL = Duration.ofHours(1);

    public PolicySettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(dedupPurgeInterval, "dedupPurgeInterval");
        if (dedupPurgeInterval.isNegative() || dedupPurgeInterval.isZero()) {
            throw new IllegalArgumentException("dedupPurgeInterval must be positive");
        }
    }

    /** The given policy with the default purge interval. */
    public static PolicySettings of(Policy policy) {
        return new PolicySettings(policy, DEFAULT_DEDUP_PURGE_INTERVAL);
    }
}
