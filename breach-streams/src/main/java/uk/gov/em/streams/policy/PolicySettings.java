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
 * @param stateWriteInterval  how often (wall-clock) a task writes the states its people's notifications changed
 *                            to its person-store (ADR 0010): a person with several notifications in that time is
 *                            written once, and after a crash the task reads at most about this much of its input
 *                            again. Zero writes every change at once.
 */
public record PolicySettings(Policy policy, Duration clockInterval, Duration quietPeriod, Duration stateWriteInterval) {

    public static final Duration DEFAULT_CLOCK_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATE_WRITE_INTERVAL = Duration.ofSeconds(1);

    public PolicySettings {
        Objects.requireNonNull(policy, "policy");
        positive("clockInterval", clockInterval);
        notNegative("quietPeriod", quietPeriod);
        notNegative("stateWriteInterval", stateWriteInterval);
    }

    /** The given policy with the default intervals. */
    public static PolicySettings of(Policy policy) {
        return new PolicySettings(policy, DEFAULT_CLOCK_INTERVAL, DEFAULT_QUIET_PERIOD, DEFAULT_STATE_WRITE_INTERVAL);
    }

    /** These settings with every person's state written to the store as soon as it changes. */
    public PolicySettings writingStateAtOnce() {
        return withStateWriteInterval(Duration.ZERO);
    }

    /** These settings with changed states written every {@code interval} (zero: at once). */
    public PolicySettings withStateWriteInterval(Duration interval) {
        return new PolicySettings(policy, clockInterval, quietPeriod, interval);
    }

    /** Whether states are written behind, every {@link #stateWriteInterval}, rather than at once. */
    public boolean writesStateBehind() {
        return !stateWriteInterval.isZero();
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
