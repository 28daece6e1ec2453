package uk.gov.em.hub.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.accesslog.web.ReadPurpose;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseNotFound;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.NewestFirstKey;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.paging.web.PageResponse;
import uk.gov.em.hub.queue.domain.Queues;
import uk.gov.em.hub.security.domain.Roles;

/**
 * Reads cases: one in full, or a filtered listing newest raised first (raised_at, then case id, both
 * descending), keyset-paged like the queues. OPS may not read individual cases (they see aggregates).
 */
@Controller("/api/v1/cases")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseController {

    private final CaseRepository cases;
    private final CaseDetails details;

    public CaseController(CaseRepository cases, CaseDetails details) {
        this.cases = cases;
        this.details = details;
    }

    @Get
    @Operation(operationId = "listCases", summary = "The cases matching every filter given, newest first, paged")
    @ReadPurpose
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    public PageResponse<CaseSummaryResponse> list(@QueryValue @Nullable String subjectId,
                                                  @QueryValue @Nullable String queue,
                                                  @QueryValue @Nullable String status,
                                                  @QueryValue @Nullable String trigger,
                                                  @QueryValue @Nullable String assignee,
                                                  @QueryValue @Nullable Integer limit,
                                                  @QueryValue @Nullable String cursor) {
        PageLimit pageLimit = PageLimit.of(limit);
        CaseListFilter filter = new CaseListFilter(
                blankToNull(subjectId),
                queue == null ? null : Queues.fromPath(queue),
                status == null ? null : CaseStatus.fromParameter(status),
                blankToNull(trigger),
                blankToNull(assignee));
        NewestFirstKey after = cursor == null ? null : NewestFirstKey.fromCursor(cursor);
        Page<HubCase> page = Page.fromLookahead(cases.newestFirst(filter, after, pageLimit.value() + 1),
                pageLimit, c -> NewestFirstKey.of(c).toCursor());
        return PageResponse.of(page, details::summary);
    }

    @Get("/{caseId}")
    @Operation(operationId = "getCase",
            summary = "One case in full: its fields, status, assignee, allowed actions, actions and audit trail")
    @ReadPurpose
    @ProblemResponses.NotFound
    public CaseDetailResponse one(@PathVariable String caseId) {
        return cases.findById(caseId).map(details::of).orElseThrow(() -> new CaseNotFound(caseId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
