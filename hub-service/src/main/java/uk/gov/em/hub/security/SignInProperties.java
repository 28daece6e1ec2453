package uk.gov.em.hub.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import uk.gov.em.hub.security.domain.Lockout;
import uk.gov.em.hub.security.domain.TokenBucket;

import java.time.Duration;

/**
 * Limits on signing in ({@code hub.security.sign-in.*}), against guessing and against a burst of attempts
 * exhausting memory (each Argon2 check holds 19 MiB).
 *
 * @param perSourceBurst      failed attempts one source address may make at once
 * @param perSourceRefill     and one more after each such interval
 * @param maxFailures         wrong passwords in a row that lock an account
 * @param lockout             how long a locked account stays locked (an admin may unlock it sooner)
 * @param maxConcurrentChecks password checks running at once; more answer 503 (bounds Argon2's memory)
 */
@ConfigurationProperties("hub.security.sign-in")
public record SignInProperties(
        @Bindable(defaultValue = "10") int perSourceBurst,
        @Bindable(defaultValue = "6s") Duration perSourceRefill,
        @Bindable(defaultValue = "10") int maxFailures,
        @Bindable(defaultValue = "15m") Duration lockout,
        @Bindable(defaultValue = "4") int maxConcurrentChecks) {

    public TokenBucket.Limit perSource() {
        return new TokenBucket.Limit(perSourceBurst, perSourceRefill);
    }

    public Lockout lockoutPolicy() {
        return new Lockout(maxFailures, lockout);
    }
}
