package uk.gov.em.hub.pages.common;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * A page whose template fails while it renders: the real error view, given a detail that throws when the
 * template prints it. Only present when a test asks for it ({@value #ENABLED}).
 */
@Controller("/broken-page")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = BrokenPageForTests.ENABLED, value = "true")
public class BrokenPageForTests {

    public static final String ENABLED = "hub.testing.broken-page";
    /** What the failing value says: it must never reach the person looking at the page. */
    public static final String SECRET = "connection string postgres://hub:s3cret@db";

    private final CsrfTokens csrf;

    public BrokenPageForTests(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request) {
        return HttpResponse.ok(PageModel.of("error", "A page that cannot render", request, null, csrf)
                .with("status", 200).with("detail", new ThrowsWhenPrinted()).view());
    }

    /** A model value the template cannot print. */
    static final class ThrowsWhenPrinted {
        @Override
        public String toString() {
            throw new IllegalStateException(SECRET);
        }
    }
}
