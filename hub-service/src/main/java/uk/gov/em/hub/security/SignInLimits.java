package uk.gov.em.hub.security;

import jakarta.inject.Singleton;
import uk.gov.em.hub.security.domain.TokenBucket;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * The sign-in limits kept in this replica's memory: each source address's allowance of failed attempts
 * and the number of password checks running at once. (Locking an account is kept in PostgreSQL, so it
 * holds across replicas: see {@link HubAuthenticationProvider}.)
 */
@Singleton
public class SignInLimits {

    /** Forget full buckets once this many sources are remembered, so the map cannot grow without end. */
    private static final int PRUNE_ABOVE = 10_000;

    private final TokenBucket.Limit perSource;
    private final Semaphore checks;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> sources = new ConcurrentHashMap<>();

    public SignInLimits(SignInProperties properties, Clock clock) {
        this.perSource = properties.perSource();
        this.checks = new Semaphore(properties.maxConcurrentChecks());
        this.clock = clock;
    }

    /** What {@link #admit} decided. */
    public sealed interface Admission permits Admitted, Throttled, Busy {
    }

    /** Go ahead; {@link #finish} when the attempt is over. */
    public record Admitted(String source) implements Admission {
    }

    /** This source has used up its attempts for {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Admission {
    }

    /** Every password check slot is busy. */
    public record Busy() implements Admission {
    }

    public Admission admit(String source) {
        if (sources.size() > PRUNE_ABOVE) {
            sources.entrySet().removeIf(e -> e.getValue().isFull(perSource, clock.instant()));
        }
        TokenBucket.Take[] taken = new TokenBucket.Take[1];
        sources.compute(source, (key, bucket) -> {
            TokenBucket current = bucket == null ? TokenBucket.full(perSource, clock.instant()) : bucket;
            taken[0] = current.take(perSource, clock.instant());
            return switch (taken[0]) {
                case TokenBucket.Granted g -> g.after();
                case TokenBucket.Refused r -> r.after();
            };
        });
        return switch (taken[0]) {
            case TokenBucket.Refused r -> new Throttled(r.retryAfter());
            // a busy answer still costs the source its attempt: retrying at once is no way round the limit
            case TokenBucket.Granted g -> checks.tryAcquire() ? new Admitted(source) : new Busy();
        };
    }

    /** Ends an admitted attempt; one that signed in gives its attempt back to its source. */
    public void finish(Admitted admitted, boolean signedIn) {
        checks.release();
        if (signedIn) {
            refund(admitted.source());
        }
    }

    private void refund(String source) {
        sources.computeIfPresent(source, (key, bucket) -> bucket.refund(perSource));
    }
}
