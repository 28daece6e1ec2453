package uk.gov.em.hub.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import uk.gov.em.hub.security.persistence.HubUserRepository;

import java.util.List;

/**
 * Signs users in against {@code hub_user} for {@code POST /login}. Runs on the blocking executor (it
 * reads PostgreSQL and Argon2 is deliberately slow). A wrong user name and a wrong password answer the
 * same, in about the same time.
 */
@Singleton
public class HubAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final HubUserRepository users;
    private final PasswordHasher hasher;

    public HubAuthenticationProvider(HubUserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity();
        String password = auth.getSecret();
        if (username == null || password == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return users.findByUsername(username)
                .filter(user -> hasher.matches(password, user.passwordHash()))
                .map(user -> AuthenticationResponse.success(user.username(), List.of(user.roles())))
                .orElseGet(() -> {
                    hasher.matchesNothing(password);
                    return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
                });
    }
}
