package uk.gov.em.hub.pages.queue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.app.CaseSummary;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.mi.app.MiQueries;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.queue.app.QueueQueries;
import uk.gov.em.hub.queue.domain.QueueOrder;
import uk.gov.em.hub.queue.domain.Queues;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.subjects.SubjectRegister;


import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The queues as caseworkers work them: a tab per queue with its open count, the open cases in priority
 * order (docs/policy.md §8) with claim and release, and "take the next case". Reads and claims go
 * through the same application services and rules as {@code /api/v1/queues} and {@code /api/v1/cases}.
 */
@Controller("/queues")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class QueuePage {

    private static final int SHOWN = 50;

    private final QueueQueries queues;
    private final CaseWork work;
    private final MiQueries mi;
    private final SubjectRegister subjects;
    private final CsrfTokens csrf;
    private final Clock clock;

    public QueuePage(QueueQueries queues, CaseWork work, MiQueries mi, SubjectRegister subjects, CsrfTokens csrf,
                     Clock clock) {
        this.queues = queues;
        this.work = work;
        this.mi = mi;
        this.subjects = subjects;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** A tab: the queue, its label and how many open cases it holds. */
    public record Tab(String path, String label, long open, long unallocated, boolean current) {
    }

    /**
     * A row of the queue table, in words; {@code severityCode} only picks the tag's colour, and
     * {@code waiting} says the case waits for a first action.
     */
    public record Row(String caseId, String subjectId, String severity, String severityCode, String harmLevel,
                      boolean vulnerable, String age, String openedAt, String explanation, String holder,
                      boolean heldByMe, String trigger, String status, boolean waiting, String due, boolean overdue,
                      String attention, boolean legalClockWarning) {
    }

    @Get("/{queue}")
    public HttpResponse<?> queue(HttpRequest<?> request, @PathVariable("queue") String path,
                                 @QueryValue @Nullable String empty, @QueryValue @Nullable String order,
                                 Authentication who) {
        Queue queue = Queues.fromPath(path);
        Instant now = clock.instant();
        Map<Queue, MiQueries.QueueBacklog> backlog = mi.backlog().queues().stream()
                .collect(Collectors.toMap(MiQueries.QueueBacklog::queue, Function.identity()));
        List<Tab> tabs = Arrays.stream(Queue.values()).map(q -> new Tab(q.path(), label(q),
                backlog.get(q).open(), backlog.get(q).unallocated(), q == queue)).toList();
        QueueOrder queueOrder = QueueOrder.onPage(order, queue);
        List<CaseSummary> listed = queues.queue(queue, CaseStatus.OPEN, queueOrder, PageLimit.of(SHOWN), null)
                .items();
        Set<String> vulnerable = subjects.vulnerableAmong(listed.stream().map(CaseSummary::subjectId).toList());
        Labels labels = Labels.WORDS;
        List<Row> rows = listed.stream()
                .map(c -> new Row(c.caseId(), c.subjectId(), labels.of(c.severity()), c.severity().name(),
                        labels.harmLevel(c.harmLevel()), vulnerable.contains(c.subjectId()), Ages.age(c.openedAt(), now),
                        Ages.when(c.openedAt()), c.explanation(), c.assignee(), who.getName().equals(c.assignee()),
                        labels.trigger(c.trigger()), labels.of(c.status()), c.status() == CaseStatus.OPEN,
                        c.dueAt() == null ? "" : Ages.when(c.dueAt()), c.overdue(),
                        labels.attention(c.attention()), c.legalClockWarning()))
                .toList();
        // the same listing as the API, shown in two parts: cases waiting for a first action, and cases in
        // progress (a letter sent, mitigation received) that wait on the person
        List<Row> toDo = rows.stream().filter(Row::waiting).toList();
        List<Row> inProgress = rows.stream().filter(r -> !r.waiting()).toList();
        boolean canClaim = CaseWork.Caller.of(who).worker();
        return HttpResponse.ok(PageModel.of("queue", label(queue) + " queue", request, who, csrf)
                .with("queue", queue.path()).with("queueLabel", label(queue)).with("tabs", tabs).with("rows", rows)
                .with("toDo", toDo).with("inProgress", inProgress)
                .with("open", backlog.get(queue).open()).with("shown", SHOWN).with("canClaim", canClaim)
                .with("empty", empty != null).with("byDue", queueOrder == QueueOrder.DUE)
                .with("senior", who.getRoles().contains(Roles.SENIOR_CASEWORKER)).view());
    }

    @Post(value = "/{queue}/next", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public HttpResponse<?> takeNext(HttpRequest<?> request, @PathVariable("queue") String path, Authentication who,
                                    @Nullable String csrf) {
        this.csrf.check(request, csrf);
        Optional<HubCase> taken = work.takeNext(Queues.fromPath(path), CaseWork.Caller.of(who));
        return taken.<HttpResponse<?>>map(c -> HttpResponse.seeOther(URI.create("/cases/" + c.caseId())))
                .orElseGet(() -> HttpResponse.seeOther(URI.create("/queues/" + path + "?empty=true")));
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    static String label(Queue queue) {
        return Labels.WORDS.queue(queue);
    }
}
