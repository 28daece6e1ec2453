package uk.gov.em.hub.pages.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("a-secret-that-is-long-enough-for-hmac-0123456789");

    @Test
    void aFormTokenIsTheSignatureOfItsBrowsersCookieAndSession() {
        assertThat(tokens.matches("browser-1", "session-1", tokens.sign("browser-1", "session-1"))).isTrue();
    }

    @Test
    void aTokenForAnotherBrowsersCookieNoCookieOrNoTokenIsRefused() {
        String token = tokens.sign("browser-1", "session-1");

        assertThat(tokens.matches("browser-2", "session-1", token)).isFalse();
        assertThat(tokens.matches(null, "session-1", token)).isFalse();
        assertThat(tokens.matches("browser-1", "session-1", null)).isFalse();
        assertThat(tokens.matches("browser-1", "session-1", "browser-1")).isFalse();
    }

    @Test
    void aTokenForAnotherSessionOrFromBeforeSignInIsRefused() {
        assertThat(tokens.matches("browser-1", "session-2", tokens.sign("browser-1", "session-1"))).isFalse();
        assertThat(tokens.matches("browser-1", "session-1", tokens.sign("browser-1", ""))).isFalse();
    }

    @Test
    void anotherSecretSignsDifferently() {
        CsrfTokens other = new CsrfTokens("another-secret-that-is-long-enough-for-hmac-987654");

        assertThat(other.matches("browser-1", "session-1", tokens.sign("browser-1", "session-1"))).isFalse();
    }
}
