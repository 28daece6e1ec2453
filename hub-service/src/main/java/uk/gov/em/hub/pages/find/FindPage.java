package uk.gov.em.hub.pages.find;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.lookup.app.Lookup;
import uk.gov.em.hub.lookup.domain.Found;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.security.domain.Roles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The find box on every page: a subject id goes to the person's timeline, a case id to the case, a notification
 * id to its person's timeline; an id that names several things lists them, and one that names nothing says so.
 * For those who may read cases and timelines, the pages it leads to.
 */
@Controller("/find")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class FindPage {

    private final Lookup lookup;
    private final CsrfTokens csrf;

    public FindPage(Lookup lookup, CsrfTokens csrf) {
        this.lookup = lookup;
        this.csrf = csrf;
    }

    /** One thing the id names, as listed: what it is, a link to it, and whose it is. */
    public record Result(String what, String label, String href, String subjectId) {
    }

    @Get
    public HttpResponse<?> find(HttpRequest<?> request, @QueryValue @Nullable String q, Authentication who) {
        String id = q == null ? "" : q.strip();
        PageModel page = PageModel.of("find", "Find a person, case or notification", request, who, csrf)
                .with("findQuery", id).with("blank", id.isEmpty());
        if (id.isEmpty()) {
            return HttpResponse.ok(page.with("results", List.of()).view());
        }
        return switch (lookup.find(id)) {
            case Found.OneCase c -> HttpResponse.seeOther(path("/cases/{id}", c.caseId()));
            case Found.OnePerson p -> HttpResponse.seeOther(path("/people/{id}", p.subjectId()));
            case Found.Several several -> HttpResponse.ok(page.with("results",
                    several.matches().stream().map(FindPage::result).toList()).view());
            case Found.Nothing ignored -> HttpResponse.ok(page.with("results", List.of()).view());
        };
    }

    private static Result result(Found.Match match) {
        return switch (match) {
            case Found.CaseMatch c -> new Result("Case", c.caseId(), path("/cases/{id}", c.caseId()).toString(),
                    c.subjectId());
            case Found.PersonMatch p -> new Result("Person", p.subjectId(),
                    path("/people/{id}", p.subjectId()).toString(), p.subjectId());
            case Found.NotificationMatch n -> new Result("Notification from " + n.supplier(), n.notificationId(),
                    path("/people/{id}", n.subjectId()).toString(), n.subjectId());
        };
    }

    /** {@code /cases/<id>} with the id as one path segment, whatever characters it holds. */
    private static URI path(String template, String id) {
        return URI.create(template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
