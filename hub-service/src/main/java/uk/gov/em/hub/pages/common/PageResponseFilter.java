package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * On every page: nothing is kept by the browser or a proxy ({@code Cache-Control: no-store}, pages show
 * personal data), and a CSRF cookie issued while rendering the page is set.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageResponseFilter {

    @ResponseFilter
    public void afterPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!Pages.isPage(request)) {
            return;
        }
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        request.getAttribute(CsrfTokens.ISSUED, String.class)
                .ifPresent(value -> response.cookie(Pages.cookie(request, CsrfTokens.COOKIE, value)));
    }
}
