package uk.gov.em.hub.pages.dataquality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.dataquality.app.DataQualityQueries;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.dataquality.app.DataQualityRow;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.security.domain.Roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Data-quality exceptions for ops and senior caseworkers to look into: conflicting copies of a notification,
 * data too late to apply, unreadable records and records set aside on the dead-letter topic, newest first,
 * filtered by kind and supplier (GET form: works without script). Senior caseworkers and administrators can
 * follow an exception to the person's timeline; ops, who read no one's timeline, see the person's id only.
 */
@Controller("/data-quality")
@Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class DataQualityPage {

    /** Rows on one page. */
    static final int SHOWN = 100;

    private final DataQualityQueries queries;
    private final CsrfTokens csrf;

    public DataQualityPage(DataQualityQueries queries, CsrfTokens csrf) {
        this.queries = queries;
        this.csrf = csrf;
    }

    /** A choice in a filter. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** An exception as shown. */
    public record Row(String detected, String kind, String supplier, String subjectId, String notificationId,
                      String detail, String origin) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @QueryValue @Nullable String kind,
                                @QueryValue @Nullable String supplier, @QueryValue @Nullable String cursor,
                                Authentication who) {
        DataQualityQueries.Filter filter = DataQualityQueries.Filter.parse(kind, supplier);
        Page<DataQualityRow> found = queries.newestFirst(filter, new PageLimit(SHOWN), cursor);
        List<Choice> kinds = new ArrayList<>(List.of(new Choice("", "Any kind", filter.kind() == null)));
        Arrays.stream(DataQualityKind.values())
                .forEach(k -> kinds.add(new Choice(k.name(), kind(k), k == filter.kind())));
        List<Choice> suppliers = new ArrayList<>(List.of(new Choice("any", "Any supplier", filter.supplier() == null),
                new Choice("", "Not known", "".equals(filter.supplier()))));
        queries.suppliers().forEach(s -> suppliers.add(new Choice(s, s, s.equals(filter.supplier()))));
        boolean readsTimelines = who.getRoles().contains(Roles.SENIOR_CASEWORKER) || who.getRoles().contains(Roles.ADMIN);
        return HttpResponse.ok(PageModel.of("data-quality", "Data-quality exceptions", request, who, csrf)
                .with("rows", found.items().stream().map(DataQualityPage::row).toList())
                .with("kinds", kinds).with("suppliers", suppliers).with("readsTimelines", readsTimelines)
                .with("kind", filter.kind() == null ? "" : filter.kind().name())
                .with("supplier", filter.supplier() == null ? "any" : filter.supplier())
                .with("nextCursor", found.nextCursor()).with("shown", SHOWN).view());
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private static Row row(DataQualityRow r) {
        String origin = r.originTopic() == null ? ""
                : r.originTopic() + (r.originPartition() == null ? "" : ", partition " + r.originPartition())
                + (r.originOffset() == null ? "" : ", offset " + r.originOffset())
                + (r.exception() == null ? "" : " (" + r.exception() + ")");
        return new Row(Ages.when(r.detectedAt()), kind(DataQualityKind.valueOf(r.kind())),
                r.supplier() == null ? "Not known" : r.supplier(), r.subjectId(), r.notificationId(), r.detail(), origin);
    }

    /** A kind of exception in words, from the hub's one bundle of words. */
    public static String kind(DataQualityKind kind) {
        return Labels.WORDS.of(kind);
    }
}
