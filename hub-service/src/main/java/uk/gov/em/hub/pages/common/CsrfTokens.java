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
 * A signed double-submit CSRF token: the browser holds a random value in an HttpOnly, SameSite=Strict
 * cookie and every form carries HMAC(secret, that value). Another site can neither read the cookie nor
 * forge the signature, so a form post that does not carry the right token is refused.
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
        String value = cookieValue(request).or(() -> request.getAttribute(ISSUED, String.class)).orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            request.setAttribute(ISSUED, fresh);
            return fresh;
        });
        return sign(value);
    }

    /** Whether a posted token is the signature of this browser's cookie. */
    public boolean isValid(HttpRequest<?> request, String token) {
        return matches(cookieValue(request).orElse(null), token);
    }

    /** Whether {@code token} is the signature of {@code cookieValue} (compared in constant time). */
    boolean matches(String cookieValue, String token) {
        if (cookieValue == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookieValue).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
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

    String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
