package uk.gov.em.hub.security.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import uk.gov.em.hub.pages.common.Pages;
import uk.gov.em.hub.security.ClientAddress;

/**
 * The headers that keep browsers and proxies safe with the hub's answers:
 * <ul>
 *   <li>over HTTPS (directly, or through a trusted proxy's {@code X-Forwarded-Proto}): HSTS, and the pages'
 *       cookies are marked Secure ({@link Pages#OVER_HTTPS});</li>
 *   <li>on pages: a {@code Content-Security-Policy} (scripts, styles, images, forms and frames from this site
 *       only; no plugins, no {@code <base>}) and {@code Referrer-Policy: same-origin}, so a page address that
 *       names a person never leaves for another site in a Referer;</li>
 *   <li>on {@code /api/**}: {@code Cache-Control: no-store}, as the answers carry personal data.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    /** One year, with subdomains: the hub is only ever served over HTTPS in production. */
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /**
     * The layout's inline bootstrap scripts and styles (GOV.UK Frontend's js-enabled switch, the chart data of
     * the throughput page) still need 'unsafe-inline'; everything else is held to this site.
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final ClientAddress address;

    public SecurityHeadersFilter(ClientAddress address) {
        this.address = address;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    public void beforeAnything(HttpRequest<?> request) {
        request.setAttribute(Pages.OVER_HTTPS, address.isSecure(request));
    }

    @ResponseFilter
    public void onTheWayOut(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(Pages.OVER_HTTPS, Boolean.class).orElse(false)) {
            response.getHeaders().set("Strict-Transport-Security", HSTS);
        }
        if (request.getPath().startsWith("/api/")) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        } else if (Pages.isPage(request)) {
            response.getHeaders().set("Content-Security-Policy", CSP);
            // not no-referrer: with it the browser tests' form posts (sign-in) stopped working (CaseworkerPagesIT)
            response.getHeaders().set("Referrer-Policy", "same-origin");
        }
    }
}
