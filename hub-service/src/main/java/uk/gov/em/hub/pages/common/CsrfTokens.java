package uk.gov.em.hub.pages.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed double-submit CSRF token bound to the session: the browser holds a random value in an HttpOnly,
 * SameSite=Strict cookie and every form carries HMAC(secret, that value and the session cookie). Another
 * site can neither read the cookies nor forge the signature, so a form post that does not carry the right
 * token is refused; a token issued for one session (or before sign-in) is refused for another, and the
 * value is replaced at sign-in ({@link #rotate}).
 */
@Singleton
public class CsrfTokens {

    public static final String COOKIE = "em_csrf";
    /** The request attribute holding a cookie value issued during this request. */
    public static final String ISSUED = "em.csrf.issued";
    public static final String FIELD = "csrf";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public CsrfTokens(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.key = ("csrf:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /** The token for this browser's forms, issuing the cookie value (set on the response) if it has none. */
    public String tokenFor(HttpRequest<?> request) {
        String value = request.getAttribute(ISSUED, String.class).or(() -> cookieValue(request))
                .orElseGet(() -> rotate(request));
        return sign(value, session(request));
    }

    /** Issues a fresh cookie value (set on the response): at sign-in, so no token from before it still works. */
    public String rotate(HttpRequest<?> request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(ISSUED, fresh);
        return fresh;
    }

    /** Whether a posted token is the signature of this browser's cookie and its current session. */
    public boolean isValid(HttpRequest<?> request, String token) {
        return matches(cookieValue(request).orElse(null), session(request), token);
    }

    /** Whether {@code token} signs {@code cookieValue} with {@code session} (compared in constant time). */
    boolean matches(String cookieValue, String session, String token) {
        if (cookieValue == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookieValue, session).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The session the token is bound to: the session cookie (the signed-in user's token), or none yet. */
    private static String session(HttpRequest<?> request) {
        return request.getCookies().findCookie(SessionCookieTokenReader.COOKIE).map(Cookie::getValue).orElse("");
    }

    /** Refuses the request unless it carries a valid token. */
    public void check(HttpRequest<?> request, String token) {
        if (!isValid(request, token)) {
            throw new CsrfRejected();
        }
    }

    private static Optional<String> cookieValue(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    String sign(String value, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // a cookie value cannot hold a newline, so no pair of values signs like another pair
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((value + "\n" + session).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
