package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import uk.gov.em.hub.security.persistence.RevokedSessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Server-side sign-out. Every token the hub issues carries a random id (jti); signing out records that id
 * as revoked until the token would have expired, and every token presented (page cookie or bearer) is
 * refused once its id is revoked, so a captured session cookie stops working at sign-out.
 */
@Singleton
public class Sessions implements JtiGenerator, GenericJwtClaimsValidator<HttpRequest<?>> {

    private final RevokedSessionRepository revoked;
    private final Duration lifetime;
    private final Clock clock;

    public Sessions(RevokedSessionRepository revoked, Clock clock,
                    @Value("${micronaut.security.token.generator.access-token.expiration:3600}") int lifetimeSeconds) {
        this.revoked = revoked;
        this.clock = clock;
        this.lifetime = Duration.ofSeconds(lifetimeSeconds);
    }

    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        return !(claims.get(Claims.TOKEN_ID) instanceof String jti) || !revoked.isRevoked(jti);
    }

    /** Revokes the session of {@code who} (if its token has an id), and forgets revocations that have expired. */
    public void signOut(@Nullable Authentication who) {
        Instant now = clock.instant();
        if (who != null && who.getAttributes().get(Claims.TOKEN_ID) instanceof String jti) {
            revoked.revoke(jti, now.plus(lifetime));
        }
        revoked.purgeExpired(now);
    }
}
