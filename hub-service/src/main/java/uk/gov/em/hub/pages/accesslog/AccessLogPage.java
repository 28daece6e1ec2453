package uk.gov.em.hub.pages.accesslog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.accesslog.AccessLog;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.security.domain.Roles;

import java.util.List;

/** Who read a person's data, newest first, a page at a time: the same {@link AccessLog} the API serves. */
@Controller("/people/{subjectId}/access-log")
@Secured({Roles.SENIOR_CASEWORKER, Roles.OPS})
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccessLogPage {

    private final AccessLog log;
    private final CsrfTokens csrf;

    public AccessLogPage(AccessLog log, CsrfTokens csrf) {
        this.log = log;
        this.csrf = csrf;
    }

    /** One row of the table. */
    public record Row(String when, String actor, String what, String caseId, String purpose) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String subjectId,
                                @QueryValue @Nullable String cursor, Authentication who) {
        Page<AccessLog.Entry> page = log.of(subjectId, PageLimit.of(PageLimit.MAX), cursor);
        List<Row> rows = page.items().stream()
                .map(r -> new Row(Ages.when(r.at()), r.actor(), r.what(), r.caseId(), r.purpose())).toList();
        return HttpResponse.ok(PageModel.of("access-log", "Access log for " + subjectId, request, who, csrf)
                .with("subjectId", subjectId).with("rows", rows).with("next", page.nextCursor()).view());
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }
}
