package uk.gov.em.hub.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions of the pages: signing out ends them on the server, and CSRF tokens belong to one session. */
@MicronautTest
class SessionsIT extends HubIntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCapturedSessionCookieStopsWorkingOnPagesAndTheApiOnceItsUserSignsOut() throws Exception {
        Browser browser = new Browser();
        browser.signIn(CASEWORKER);
        String captured = browser.cookies.get("em_session");
        assertThat(browser.get("/queues/warnings").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/queues/warnings", captured).statusCode()).isEqualTo(200);

        assertThat(browser.post("/sign-out", "csrf=" + encode(browser.csrf("/queues/warnings"))).statusCode())
                .isEqualTo(303);

        Browser thief = new Browser();
        thief.cookies.put("em_session", captured);
        HttpResponse<String> page = thief.get("/queues/warnings");
        assertThat(page.statusCode()).isBetween(302, 303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
        assertThat(get("/api/v1/queues/warnings", captured).statusCode()).isEqualTo(401);
    }

    @Test
    void aCsrfTokenIsReplacedAtSignInAndRefusedForAnySessionButItsOwn() throws Exception {
        Browser ann = new Browser();
        String beforeSignIn = ann.csrf("/sign-in");
        String cookieBeforeSignIn = ann.cookies.get("em_csrf");
        ann.signIn(CASEWORKER);
        String afterSignIn = ann.csrf("/queues/warnings");
        assertThat(ann.cookies.get("em_csrf")).isNotEqualTo(cookieBeforeSignIn);
        assertThat(afterSignIn).isNotEqualTo(beforeSignIn);

        Browser bob = new Browser();
        bob.signIn(SENIOR);
        Browser mixed = new Browser();
        mixed.cookies.put("em_session", bob.cookies.get("em_session"));
        mixed.cookies.put("em_csrf", ann.cookies.get("em_csrf"));
        HttpResponse<String> refused = mixed.post("/sign-out", "csrf=" + encode(afterSignIn));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The form has expired");
        assertThat(ann.post("/sign-out", "csrf=" + encode(beforeSignIn)).statusCode()).isEqualTo(403);

        assertThat(ann.post("/sign-out", "csrf=" + encode(afterSignIn)).statusCode()).isEqualTo(303);
    }

    /** A client that keeps cookies by hand, as a browser (or someone who copied them) would. */
    private final class Browser {

        final Map<String, String> cookies = new HashMap<>();

        void signIn(String username) throws Exception {
            String token = csrf("/sign-in");
            HttpResponse<String> signedIn = post("/sign-in", "username=" + encode(username) + "&password="
                    + encode(username + PASSWORD_SUFFIX) + "&csrf=" + encode(token));
            assertThat(signedIn.statusCode()).isEqualTo(303);
        }

        String csrf(String path) throws Exception {
            Matcher field = CSRF_FIELD.matcher(get(path).body());
            assertThat(field.find()).as("a form with a CSRF token on " + path).isTrue();
            return field.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return response;
        }
    }
}
