package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Reads the JWT the sign-in page put in the session cookie, so pages are secured by the same tokens and
 * {@code @Secured} roles as the API. Only for pages: {@code /api/**} stays bearer-only, so a browser's
 * cookie can never drive the JSON API.
 */
@Singleton
public class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    /** The cookie that carries the signed-in user's JWT. */
    public static final String COOKIE = "em_session";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!Pages.isPage(request)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
