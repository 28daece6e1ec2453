package uk.gov.em.hub.pages.bulk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.cases.app.CaseQueries;
import uk.gov.em.hub.cases.app.CaseSummary;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.work.BulkWork;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.security.domain.Roles;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * For senior caseworkers: the open cases one person holds (someone leaving the team, off sick), to give
 * them all to someone else or back to their queues at once. Each case moved is audited on its own.
 */
@Controller("/bulk")
@Secured(Roles.SENIOR_CASEWORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class BulkPage {

    private static final int SHOWN = 200;

    private final CaseQueries cases;
    private final BulkWork bulk;
    private final CsrfTokens csrf;

    public BulkPage(CaseQueries cases, BulkWork bulk, CsrfTokens csrf) {
        this.cases = cases;
        this.bulk = bulk;
        this.csrf = csrf;
    }

    /** A case held by the person, as listed. */
    public record Row(String caseId, String subjectId, String queue, String due, boolean overdue) {
    }

    /** What happened to one case, in words. */
    public record Outcome(String caseId, String words) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @QueryValue @Nullable String holder, Authentication who) {
        return HttpResponse.ok(page(request, who, holder, List.of()).view());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> move(HttpRequest<?> request, Authentication who, @Body Map<String, Object> form) {
        this.csrf.check(request, first(form, "csrf"));
        String holder = first(form, "holder");
        String operation = first(form, "operation");
        String assignee = first(form, "assignee");
        List<String> caseIds = all(form, "caseIds");
        List<Outcome> outcomes = bulk.apply(new BulkWork.Request(operation, caseIds,
                        assignee == null || assignee.isBlank() ? null : assignee.strip()), CaseWork.Caller.of(who))
                .stream()
                .map(r -> new Outcome(r.caseId(), r.done()
                        ? ("REASSIGN".equals(operation) ? "Given to " + assignee.strip() : "Back in its queue")
                        : "Not moved: " + r.problem()))
                .toList();
        return HttpResponse.ok(page(request, who, holder, outcomes).view());
    }

    // a form field given once decodes to a string, given several times (the checkboxes) to a list
    private static List<String> all(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String first(Map<String, Object> form, String name) {
        List<String> values = all(form, name);
        return values.isEmpty() ? null : values.getFirst();
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private PageModel page(HttpRequest<?> request, Authentication who, String holder, List<Outcome> outcomes) {
        String person = holder == null || holder.isBlank() ? null : holder.strip();
        List<Row> rows = person == null ? List.of() : cases.list(
                        new CaseListFilter(null, null, CaseStatus.OPEN, null, person), PageLimit.of(SHOWN), null)
                .items().stream().map(BulkPage::row).toList();
        return PageModel.of("bulk", "Move someone's cases", request, who, csrf)
                .with("holder", person == null ? "" : person).with("rows", rows).with("outcomes", outcomes);
    }

    private static Row row(CaseSummary c) {
        return new Row(c.caseId(), c.subjectId(), Labels.WORDS.queue(c.queue()),
                c.dueAt() == null ? "" : Ages.when(c.dueAt()),
                c.overdue());
    }
}
