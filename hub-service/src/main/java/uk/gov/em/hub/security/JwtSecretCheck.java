package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import uk.gov.em.contracts.SecretStrength;

/**
 * Refuses to start with a JWT signing secret shorter than 32 bytes (HS256 needs 256 bits) or still the
 * example's placeholder; the secret has no default, so a deployment must set {@code EM_JWT_SECRET}.
 */
@Context
public class JwtSecretCheck {

    public JwtSecretCheck(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        SecretStrength.problem("EM_JWT_SECRET", secret).ifPresent(problem -> {
            throw new ConfigurationException(problem);
        });
    }
}
