package uk.gov.em.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SecurityIT extends HubIntegrationTest {

    @Test
    void loginWithTheRightPasswordReturnsABearerTokenWithTheUsersRoles() {
        HttpResponse<String> response = login(SENIOR, SENIOR + PASSWORD_SUFFIX);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("access_token").asText()).isNotBlank();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SENIOR_CASEWORKER", "CASEWORKER");
    }

    @Test
    void loginWithAWrongPasswordIsRefused() {
        assertThat(login(CASEWORKER, "caseworker").statusCode()).isEqualTo(401);
    }

    @Test
    void loginAsAnUnknownUserIsRefused() {
        assertThat(login("nobody", "nobody" + PASSWORD_SUFFIX).statusCode()).isEqualTo(401);
    }

    @Test
    void aQueueCallWithoutATokenIsUnauthorised() {
        assertThat(get("/api/v1/queues/warnings", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/cases", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/cases/any", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsUnauthorised() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("mallory")
                .claim("roles", List.of("ADMIN"))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
        forged.sign(new MACSigner("another-secret-another-secret-another-secret-42"));

        assertThat(get("/api/v1/queues/warnings", forged.serialize()).statusCode()).isEqualTo(401);
    }

    @Test
    void anOpsUserMayNotReadQueuesOrCases() {
        String ops = tokenFor(OPS);

        HttpResponse<String> queue = get("/api/v1/queues/warnings", ops);
        assertThat(queue.statusCode()).isEqualTo(403);
        assertThat(queue.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get("/api/v1/cases/any", ops).statusCode()).isEqualTo(403);
    }

    @Test
    void caseworkersAndSeniorCaseworkersMayReadQueues() {
        assertThat(get("/api/v1/queues/warnings", tokenFor(CASEWORKER)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/queues/warnings", tokenFor(SENIOR)).statusCode()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM hub_user WHERE username = 'caseworker'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain(CASEWORKER + PASSWORD_SUFFIX);
        }
    }

    @Test
    void healthAndMetricsNeedNoToken() {
        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> prometheus = get("/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("em_hub_queue_depth{queue=\"warnings\"}");
    }

    @Test
    void managementEndpointsOtherThanHealthAndMetricsAreOffEvenForAnAdmin() {
        String admin = tokenFor(ADMIN);
        for (String path : List.of("/beans", "/env", "/loggers", "/routes", "/info", "/threaddump", "/caches")) {
            assertThat(get(path, admin).statusCode()).as(path).isEqualTo(404);
        }
    }
}
