package uk.gov.em.hub.pages.signin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import reactor.core.publisher.Mono;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.pages.common.Pages;
import uk.gov.em.hub.pages.common.SessionCookieTokenReader;
import uk.gov.em.hub.security.Sessions;
import uk.gov.em.hub.security.domain.Roles;

import java.net.URI;

/**
 * Sign in and out for people. Credentials are checked by the same authenticator as {@code POST /login}
 * and the same JWT is issued, but it goes into an HttpOnly, SameSite=Strict cookie instead of a JSON body.
 * Off, like {@code /login}, when tokens come from an identity provider ({@code application-idp.yml}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "micronaut.security.endpoints.login.enabled", notEquals = "false")
public class SignInPage {

    private final Authenticator<HttpRequest<?>> authenticator;
    private final AccessRefreshTokenGenerator tokens;
    private final CsrfTokens csrf;
    private final Sessions sessions;

    public SignInPage(Authenticator<HttpRequest<?>> authenticator, AccessRefreshTokenGenerator tokens, CsrfTokens csrf,
                      Sessions sessions) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.csrf = csrf;
        this.sessions = sessions;
    }

    @Get("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> form(HttpRequest<?> request) {
        return HttpResponse.ok(PageModel.of("sign-in", "Sign in", request, null, csrf).view());
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signIn(HttpRequest<?> request, @Nullable String username, @Nullable String password,
                                  @Nullable String csrf) {
        this.csrf.check(request, csrf);
        AuthenticationResponse response = username == null || username.isBlank() || password == null
                ? AuthenticationResponse.failure()
                : Mono.from(authenticator.authenticate(request, new UsernamePasswordCredentials(username, password)))
                        .blockOptional().orElse(AuthenticationResponse.failure());
        if (!response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(PageModel.of("sign-in", "Sign in", request,
                    null, this.csrf).with("failed", true).with("username", username).view());
        }
        Authentication who = response.getAuthentication().get();
        String jwt = tokens.generate(who).map(AccessRefreshToken::getAccessToken)
                .orElseThrow(() -> new IllegalStateException("no token generator is configured"));
        this.csrf.rotate(request);
        return HttpResponse.seeOther(URI.create(home(who)))
                .cookie(Pages.cookie(request, SessionCookieTokenReader.COOKIE, jwt).maxAge(3600));
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication who, @Nullable String csrf) {
        this.csrf.check(request, csrf);
        sessions.signOut(who);
        return HttpResponse.seeOther(URI.create("/sign-in"))
                .cookie(Pages.cookie(request, SessionCookieTokenReader.COOKIE, "").maxAge(0));
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> start(Authentication who) {
        return HttpResponse.seeOther(URI.create(home(who)));
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private static String home(Authentication who) {
        boolean worksCases = who.getRoles().contains(Roles.CASEWORKER) || who.getRoles().contains(Roles.SENIOR_CASEWORKER);
        return worksCases ? "/queues/warnings" : who.getRoles().contains(Roles.OPS) ? "/mi" : "/queues/warnings";
    }
}
