package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.util.Set;

/** What makes a request a page request, and how the pages' cookies are cut. */
public final class Pages {

    /**
     * The request attribute saying whether the browser reached us over HTTPS, directly or through a trusted
     * TLS-terminating proxy (set by {@code SecurityHeadersFilter}); cookies are Secure when it is true.
     */
    public static final String OVER_HTTPS = "em.client.https";

    private static final Set<String> NOT_PAGES = Set.of("/api/", "/login", "/health", "/prometheus", "/assets/");

    private Pages() {
    }

    /** True for the server-rendered pages; false for the JSON API, sign-in JSON, health, metrics, assets. */
    public static boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    /**
     * A cookie only this site's own pages send back: HttpOnly, SameSite=Strict, Secure when the browser
     * used HTTPS (also behind a trusted proxy that terminated it: {@link #OVER_HTTPS}).
     */
    public static Cookie cookie(HttpRequest<?> request, String name, String value) {
        boolean https = request.getAttribute(OVER_HTTPS, Boolean.class).orElse(request.isSecure());
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(https);
    }
}
