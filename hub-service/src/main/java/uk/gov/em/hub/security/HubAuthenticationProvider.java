package uk.gov.em.hub.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import uk.gov.em.hub.security.domain.Lockout;
import uk.gov.em.hub.security.domain.SignInOutcome;
import uk.gov.em.hub.security.persistence.HubUserRepository;
import uk.gov.em.hub.security.persistence.HubUserRow;
import uk.gov.em.hub.security.persistence.SignInEventRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs users in against {@code hub_user} for {@code POST /login} and the sign-in page. Runs on the
 * blocking executor (it reads PostgreSQL and Argon2 is deliberately slow). A wrong user name and a wrong
 * password answer the same, in about the same time. An account with {@code hub.security.sign-in.max-failures}
 * wrong passwords in a row is locked for {@code hub.security.sign-in.lockout} (or until an admin unlocks it)
 * and its password is not even checked meanwhile. Every attempt is recorded in {@code sign_in_event}.
 */
@Singleton
public class HubAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** The longest user name recorded as typed: anything longer is cut, the attempt still recorded. */
    private static final int MAX_RECORDED_NAME = 128;

    private final HubUserRepository users;
    private final SignInEventRepository events;
    private final PasswordHasher hasher;
    private final Lockout lockout;
    private final ClientAddress address;
    private final Clock clock;

    public HubAuthenticationProvider(HubUserRepository users, SignInEventRepository events, PasswordHasher hasher,
                                     SignInProperties properties, ClientAddress address, Clock clock) {
        this.users = users;
        this.events = events;
        this.hasher = hasher;
        this.lockout = properties.lockoutPolicy();
        this.address = address;
        this.clock = clock;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity();
        String password = auth.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        String source = address.of(request);
        Optional<HubUserRow> found = users.findByUsername(username);
        if (found.isEmpty()) {
            hasher.matchesNothing(password);
            record(username, source, SignInOutcome.FAILED);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        HubUserRow user = found.get();
        Instant now = clock.instant();
        if (Lockout.isLocked(user.lockedUntil(), now)) {
            record(username, source, SignInOutcome.REFUSED_LOCKED);
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        if (hasher.matches(password, user.passwordHash())) {
            if (user.failedSignIns() > 0 || user.lockedUntil() != null) {
                users.clearFailures(username);
            }
            record(username, source, SignInOutcome.SUCCEEDED);
            return AuthenticationResponse.success(user.username(), List.of(user.roles()));
        }
        users.countFailure(username);
        boolean lockedNow = users.lockIfReached(username, lockout.maxFailures(), lockout.releaseAt(now)) == 1;
        record(username, source, lockedNow ? SignInOutcome.LOCKED_OUT : SignInOutcome.FAILED);
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private void record(String username, String source, SignInOutcome outcome) {
        String name = username.length() > MAX_RECORDED_NAME ? username.substring(0, MAX_RECORDED_NAME) : username;
        events.record(name, source, outcome.name(), null);
    }
}
