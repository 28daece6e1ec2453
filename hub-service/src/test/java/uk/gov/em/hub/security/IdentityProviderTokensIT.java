package uk.gov.em.hub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an identity provider (the {@code idp} environment): tokens are checked against its JWKS, issuer and
 * audience are pinned, and the hub mints none of its own.
 */
@MicronautTest(transactional = false, environments = "idp")
class IdentityProviderTokensIT extends HubIntegrationTest {

    private static final String ISSUER = "https://idp.example.test/";
    private static final String AUDIENCE = "em-hub";
    private static final RSAKey KEY = generate();
    private static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()).toString());

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.idp.jwks-url", "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json",
                "hub.idp.issuer", ISSUER, "hub.idp.audience", AUDIENCE);
    }

    @AfterAll
    void stopTheIdentityProvider() {
        JWKS.stop(0);
    }

    @Test
    void aTokenFromTheIdentityProviderForThisAudienceIsAccepted() throws Exception {
        assertThat(get("/api/v1/queues/warnings", token(ISSUER, AUDIENCE)).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(get("/api/v1/queues/warnings", token(ISSUER, "another-service")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        assertThat(get("/api/v1/queues/warnings", token("https://elsewhere.test/", AUDIENCE)).statusCode()).isEqualTo(401);
    }

    @Test
    void theHubMintsNoTokensOfItsOwn() {
        assertThat(login(CASEWORKER, CASEWORKER + PASSWORD_SUFFIX).statusCode()).isEqualTo(404);
        assertThat(get("/sign-in", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/queues/warnings", tokenAs("mallory", "CASEWORKER")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithTheLocalSecretIsRefusedEvenWithTheRightIssuerAndAudience() throws Exception {
        SignedJWT local = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(ISSUER, AUDIENCE));
        local.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(get("/api/v1/queues/warnings", local.serialize()).statusCode()).isEqualTo(401);
    }

    private static JWTClaimsSet claims(String issuer, String audience) {
        return new JWTClaimsSet.Builder().subject("ann").issuer(issuer).audience(audience)
                .claim("roles", List.of("CASEWORKER"))
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
    }

    private static String token(String issuer, String audience) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                claims(issuer, audience));
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
