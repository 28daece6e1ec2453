package uk.gov.em.hub.security.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When an account is locked against guessing: after {@code maxFailures} wrong passwords in a row it is
 * locked for {@code duration} (a timed release), unless an admin unlocks it sooner.
 */
public record Lockout(int maxFailures, Duration duration) {

    public Lockout {
        if (maxFailures <= 0 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs a positive failure count and duration");
        }
    }

    /** Whether an account locked until {@code lockedUntil} (null: never locked) may try a password {@code now}. */
    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Until when an account locked {@code now} stays locked. */
    public Instant releaseAt(Instant now) {
        return now.plus(duration);
    }
}
