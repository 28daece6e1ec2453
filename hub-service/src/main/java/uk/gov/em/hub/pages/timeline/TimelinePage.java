package uk.gov.em.hub.pages.timeline;

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
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.dataquality.app.DataQualityQueries;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.dataquality.app.DataQualityRow;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.pages.dataquality.DataQualityPage;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.timeline.app.TimelineQueries;
import uk.gov.em.hub.timeline.domain.Timeline;
import uk.gov.em.hub.timeline.domain.TimelineEntry;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A person's whole EM history in time order, filtered by kind of event (GET form: works without script). */
@Controller("/people/{subjectId}")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelinePage {

    private final TimelineQueries timeline;
    private final CsrfTokens csrf;
    private final DataQualityQueries dataQuality;

    public TimelinePage(TimelineQueries timeline, CsrfTokens csrf, DataQualityQueries dataQuality) {
        this.timeline = timeline;
        this.csrf = csrf;
        this.dataQuality = dataQuality;
    }

    /** A filter checkbox. */
    public record KindFilter(String value, String label, boolean checked) {
    }

    /**
     * One row of the timeline; {@code dataQuality}: for a notification a data-quality exception names, what kind
     * (in words), else {@code null}.
     */
    public record Row(String when, String kind, String code, String caseId, String by, String text,
                      String dataQuality) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String subjectId,
                                @QueryValue @Nullable List<String> kind, Authentication who) {
        Set<TimelineEntry.Kind> wanted = EnumSet.noneOf(TimelineEntry.Kind.class);
        if (kind != null) {
            kind.forEach(k -> Arrays.stream(TimelineEntry.Kind.values()).filter(v -> v.name().equals(k))
                    .forEach(wanted::add));
        }
        if (wanted.isEmpty()) {
            wanted.addAll(EnumSet.allOf(TimelineEntry.Kind.class));
        }
        Timeline found = timeline.of(subjectId);
        List<TimelineEntry> entries = found.entries();
        Map<String, List<DataQualityRow>> flagged = dataQuality.byNotificationOf(subjectId);
        List<Row> rows = entries.stream().filter(e -> wanted.contains(e.kind()))
                .map(e -> new Row(Ages.when(e.at()), label(e.kind()), what(e), e.caseId(),
                        e.actor() != null ? e.actor() : e.supplier(),
                        e.text() != null ? e.text() : e.notificationId(), flag(e, flagged)))
                .toList();
        List<KindFilter> filters = Arrays.stream(TimelineEntry.Kind.values())
                .map(k -> new KindFilter(k.name(), label(k), wanted.contains(k))).toList();
        return HttpResponse.ok(PageModel.of("timeline", "Timeline for " + subjectId, request, who, csrf)
                .with("subjectId", subjectId).with("rows", rows).with("filters", filters)
                .with("total", entries.size()).with("truncated", found.truncated()).view());
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private static String flag(TimelineEntry e, Map<String, List<DataQualityRow>> flagged) {
        if (e.kind() != TimelineEntry.Kind.NOTIFICATION) {
            return null;
        }
        List<DataQualityRow> exceptions = flagged.get(e.supplier() + "/" + e.notificationId());
        return exceptions == null ? null : exceptions.stream()
                .map(x -> DataQualityPage.kind(DataQualityKind.valueOf(x.kind()))).distinct()
                .collect(Collectors.joining(", "));
    }

    static String label(TimelineEntry.Kind kind) {
        return Labels.WORDS.of(kind);
    }

    /** What happened in words: the action taken, or the breach type or trigger. */
    private static String what(TimelineEntry e) {
        if (e.kind() == TimelineEntry.Kind.ACTION) {
            return Arrays.stream(CaseAction.values()).filter(a -> a.name().equals(e.code())).findFirst()
                    .map(a -> Labels.WORDS.of(a)).orElse(e.code());
        }
        return Labels.WORDS.trigger(e.code());
    }
}
