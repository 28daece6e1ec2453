package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.charset.StandardCharsets;

/**
 * Refuses to start with a JWT signing secret shorter than 32 bytes (HS256 needs 256 bits); the secret
 * has no default, so a deployment must set {@code EM_JWT_SECRET}.
 */
@Context
public class JwtSecretCheck {

    static final int MIN_BYTES = 32;

    public JwtSecretCheck(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new ConfigurationException("EM_JWT_SECRET must be at least " + MIN_BYTES + " bytes long");
        }
    }
}
