package uk.gov.em.hub.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/**
 * With an identity provider (the {@code idp} environment) the local HS256 secret ({@code EM_JWT_SECRET}) takes
 * the place of nothing: it validates no token and signs none, so only the provider's keys (its JWKS) make a
 * token valid and the hub cannot mint one, even if the secret leaked or a sign-in path were left on.
 */
@EachBean(SecretSignatureConfiguration.class)
@Replaces(SecretSignature.class)
@Requires(env = "idp")
public class IdentityProviderOnlySignature implements SignatureGeneratorConfiguration {

    public IdentityProviderOnlySignature(SecretSignatureConfiguration ignored) {
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "none: tokens come from the identity provider";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return false;
    }

    @Override
    public boolean verify(SignedJWT jwt) {
        return false;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        throw new JOSEException("the hub mints no tokens when an identity provider issues them");
    }
}
