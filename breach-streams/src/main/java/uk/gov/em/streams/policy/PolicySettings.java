package uk.gov.em.streams.policy;

import uk.gov.em.streams.policy.domain.Policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code BreachTopology.build} needs to know: the policy to apply and how often the
 * processors tidy their state and look at the clock. Built the same way by the service and by the tests.
 *
 * @param policy              the breach policy in force
 * @param clockInterval       how often (wall-clock) people with an open episode are looked at, so an ABV
 *                            inside an open episode or a 7-day case is raised when the clock reaches it
 * @param quietPeriod         how long a task must have had no input before its clock wake-ups trust the wall
 *                            clock rather than stream time (see {@code PersonProcessor}: it keeps replays exact)
 */
public record PolicySettings(Policy policy, Duration clockInterval, Duration quietPeriod) {

    public static final Duration DEFAULT_CLOCK_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(5);

    public PolicySettings {
        Objects.requireNonNull(policy, "policy");
        positive("clockInterval", clockInterval);
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative");
        }
    }

    /** The given policy with the default intervals. */
    public static PolicySettings of(Policy policy) {
        return new PolicySettings(policy, DEFAULT_CLOCK_INTERVAL, DEFAULT_QUIET_PERIOD);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
