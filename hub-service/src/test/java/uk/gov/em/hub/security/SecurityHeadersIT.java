package uk.gov.em.hub.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.gov.em.hub.testing.HubIntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy (trusted: 127.0.0.1 here) the hub's cookies are Secure and HSTS is sent
 * when the proxy says the browser used HTTPS; pages carry a CSP and no referrer for other sites; API answers are never cached.
 */
@MicronautTest(transactional = false)
class SecurityHeadersIT extends HubIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("hub.security.trusted-proxies", "127.0.0.1");
    }

    @Test
    void behindAProxyThatTerminatedTlsCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page = signInPage("https");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure").containsIgnoringCase("HttpOnly"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void overPlainHttpCookiesAreNotMarkedSecureAndNoHstsIsSent() throws Exception {
        HttpResponse<String> page = signInPage("http");

        assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndNoReferrerForOtherSites() throws Exception {
        HttpResponse<String> page = signInPage("http");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                        .contains("object-src 'none'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void apiAnswersAreNeverCached() {
        HttpResponse<String> queue = get("/api/v1/queues/warnings", tokenFor(CASEWORKER));
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/api/v1/queues/warnings", null).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private HttpResponse<String> signInPage(String proto) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/sign-in"))
                .header("X-Forwarded-Proto", proto).build(), HttpResponse.BodyHandlers.ofString());
    }
}
