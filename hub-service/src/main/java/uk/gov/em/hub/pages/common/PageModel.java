package uk.gov.em.hub.pages.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import uk.gov.em.hub.security.domain.Roles;

import java.util.HashMap;
import java.util.Map;

/**
 * What every page's layout needs (title, who is signed in, what the navigation offers them, the CSRF
 * token for its forms, the {@link Labels} that turn codes into words), plus the page's own values.
 */
public final class PageModel {

    private final String view;
    private final Map<String, Object> values = new HashMap<>();

    private PageModel(String view) {
        this.view = view;
    }

    public static PageModel of(String view, String title, HttpRequest<?> request, Authentication who, CsrfTokens csrf) {
        PageModel model = new PageModel(view);
        model.values.put("title", title);
        model.values.put("labels", Labels.WORDS);
        model.values.put("csrf", csrf.tokenFor(request));
        model.values.put("path", request.getPath());
        model.values.put("user", who == null ? null : who.getName());
        boolean works = who != null && (who.getRoles().contains(Roles.CASEWORKER)
                || who.getRoles().contains(Roles.SENIOR_CASEWORKER) || who.getRoles().contains(Roles.ADMIN));
        boolean ops = who != null && (who.getRoles().contains(Roles.OPS) || who.getRoles().contains(Roles.ADMIN));
        model.values.put("canWorkCases", works);
        model.values.put("canSeeMi", ops);
        model.values.put("canSeeDataQuality", ops || who != null && who.getRoles().contains(Roles.SENIOR_CASEWORKER));
        return model;
    }

    public PageModel with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public ModelAndView<Map<String, Object>> view() {
        return new ModelAndView<>(view, values);
    }
}
