package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in limits on the running hub: a source's failed attempts are throttled (429), password checks run
 * at most {@code max-concurrent-checks} at once (503 beyond), and ten wrong passwords lock an account until
 * an admin unlocks it; every attempt is recorded. The hub runs behind a trusted proxy here, so each test
 * is its own source through {@code X-Forwarded-For}.
 */
@MicronautTest(transactional = false)
class SignInLimitsIT extends HubIntegrationTest {

    private static final int CONCURRENT_CHECKS = 2;
    private static final int BURST = 10;

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    CountingPasswordHasher hasher;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.security.trusted-proxies", "127.0.0.1",
                "hub.security.sign-in.per-source-burst", String.valueOf(BURST),
                "hub.security.sign-in.per-source-refill", "10m",
                "hub.security.sign-in.max-concurrent-checks", String.valueOf(CONCURRENT_CHECKS),
                "sign-in-limits-it", "true");
    }

    @Test
    void aHundredParallelWrongSignInsAreThrottledWhileHealthStaysUpAndPasswordChecksStayBounded() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        List<CompletableFuture<Integer>> logins = new ArrayList<>();
        List<CompletableFuture<Integer>> health = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 100; i++) {
                String name = "guess-" + i;
                logins.add(CompletableFuture.supplyAsync(() -> loginFrom("10.1.0.1", name, "wrong"), pool));
                if (i % 10 == 0) {
                    health.add(CompletableFuture.supplyAsync(() -> get("/health", null).statusCode(), pool));
                }
            }
        }
        List<Integer> statuses = logins.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).allMatch(s -> s == 401 || s == 429 || s == 503);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(100 - BURST);
        assertThat(health).allSatisfy(h -> assertThat(h.join()).isEqualTo(200));
        assertThat(hasher.peak()).isBetween(1, CONCURRENT_CHECKS);
        long checked = statuses.stream().filter(s -> s == 401).count();
        assertThat(count("SELECT count(*) FROM sign_in_event WHERE username LIKE 'guess-%' AND outcome = 'FAILED'"
                + " AND source = '10.1.0.1'")).isEqualTo(checked);
    }

    @Test
    void tenWrongPasswordsInARowLockTheAccountUntilAnAdminUnlocksItAndEveryStepIsRecorded() {
        for (int i = 0; i < 10; i++) {
            assertThat(loginFrom("10.2.0.1", CASEWORKER, "wrong-" + i)).isEqualTo(401);
        }
        String right = CASEWORKER + PASSWORD_SUFFIX;
        assertThat(loginFrom("10.2.0.2", CASEWORKER, right)).as("locked: even the right password").isEqualTo(401);
        assertThat(outcomes(CASEWORKER)).containsExactly(
                "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED",
                "LOCKED_OUT", "REFUSED_LOCKED");

        assertThat(post("/api/v1/users/" + CASEWORKER + "/unlock", null, tokenAs(CASEWORKER, "CASEWORKER")).statusCode())
                .as("only an admin unlocks").isEqualTo(403);
        assertThat(post("/api/v1/users/" + CASEWORKER + "/unlock", null, tokenFor(ADMIN)).statusCode()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM sign_in_event WHERE username = 'caseworker' AND outcome = 'UNLOCKED'"
                + " AND actor = 'admin'")).isEqualTo(1);
        assertThat(loginFrom("10.2.0.3", CASEWORKER, right)).isEqualTo(200);
    }

    @Test
    void successfulSignInsDoNotUseUpTheirSourcesAllowance() {
        for (int i = 0; i < BURST * 2; i++) {
            assertThat(loginFrom("10.3.0.1", OPS, OPS + PASSWORD_SUFFIX)).isEqualTo(200);
        }
    }

    @Test
    void aSourcesAllowanceIsItsOwn() {
        for (int i = 0; i < BURST; i++) {
            loginFrom("10.4.0.1", "nobody", "wrong");
        }
        assertThat(loginFrom("10.4.0.1", "nobody", "wrong")).isEqualTo(429);
        assertThat(loginFrom("10.4.0.2", "nobody", "wrong")).isEqualTo(401);
    }

    @Test
    void theSignInPageIsThrottledLikeTheApi() throws Exception {
        for (int i = 0; i < BURST; i++) {
            loginFrom("10.5.0.1", "nobody", "wrong");
        }
        HttpRequest page = HttpRequest.newBuilder(URI.create(server.getURL() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "10.5.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=wrong")).build();
        HttpResponse<String> response = http.send(page, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private List<String> outcomes(String username) {
        List<String> outcomes = new ArrayList<>();
        try (var c = superuser(); var s = c.prepareStatement("SELECT outcome FROM sign_in_event WHERE username = ? ORDER BY id")) {
            s.setString(1, username);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }

    private int loginFrom(String source, String username, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", source)
                .POST(HttpRequest.BodyPublishers.ofString(Json.toText(Map.of("username", username, "password", password))))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The real hasher, counting how many checks run at once. */
    @Singleton
    @Replaces(PasswordHasher.class)
    @Requires(property = "sign-in-limits-it", value = "true")
    static class CountingPasswordHasher extends PasswordHasher {

        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();

        @Override
        public boolean matches(String password, String hash) {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return super.matches(password, hash);
            } finally {
                running.decrementAndGet();
            }
        }

        int peak() {
            return peak.get();
        }
    }
}
