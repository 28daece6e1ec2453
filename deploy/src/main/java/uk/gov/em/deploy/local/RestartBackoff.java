package uk.gov.em.deploy.local;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a dead service again: {@code initial} after a service
 * that had been healthy for a while, doubling with every exit that follows soon after a restart, never
 * more than {@code max}. A service that crashes at once on every start is thus retried ever more slowly
 * instead of in a tight loop, and one that ran for a minute since its last restart starts again from
 * {@code initial}.
 */
final class RestartBackoff {

    /** Running this long since the last restart counts as recovered: the next delay starts again at initial. */
    static final Duration SETTLED = Duration.ofSeconds(60);

    private final Duration initial;
    private final Duration max;
    private Duration next;

    RestartBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next start, given how long the service ran since it was last (re)started. */
    synchronized Duration afterExit(Duration ranFor) {
        if (ranFor.compareTo(SETTLED) >= 0) {
            next = initial;
        }
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }
}
