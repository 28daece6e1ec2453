package uk.gov.em.hub.pages.common;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.List;

/**
 * Security refusals on pages: a visitor who is not signed in is sent to the sign-in page; a signed-in
 * user whose role may not see the page gets a 403 page. The API's answers (401/403) are unchanged.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class PageAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    private final CsrfTokens csrf;
    private final ThymeleafViewsRenderer<Map<String, Object>> views;

    public PageAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                    RedirectConfiguration redirectConfiguration, RedirectService redirectService,
                                    List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                    @Nullable PriorToLoginPersistence priorToLoginPersistence,
                                    CsrfTokens csrf, ThymeleafViewsRenderer<Map<String, Object>> views) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders,
                priorToLoginPersistence);
        this.csrf = csrf;
        this.views = views;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!Pages.isPage(request)) {
            return super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            // rendered here: a refusal by the security filter never reaches the views filter
            String html = ErrorPages.html(views, request, exception.getAuthentication(), HttpStatus.FORBIDDEN,
                    "You cannot do this",
                    "Your role does not allow this page or action. If you think it should, ask your manager.", csrf);
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
        }
        return HttpResponse.seeOther(URI.create("/sign-in"));
    }
}
