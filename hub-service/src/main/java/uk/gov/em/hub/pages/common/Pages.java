package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.util.Set;

/** What makes a request a page request, and how the pages' cookies are cut. */
public final class Pages {

    private static final Set<String> NOT_PAGES = Set.of("/api/", "/login", "/health", "/prometheus", "/assets/");

    private Pages() {
    }

    /** True for the server-rendered pages; false for the JSON API, sign-in JSON, health, metrics, assets. */
    public static boolean isPage(HttpRequest<?> request) {
        String path = request.getPath();
        return NOT_PAGES.stream().noneMatch(path::startsWith);
    }

    /** A cookie only this site's own pages send back: HttpOnly, SameSite=Strict, Secure over TLS. */
    public static Cookie cookie(HttpRequest<?> request, String name, String value) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(request.isSecure());
    }
}
