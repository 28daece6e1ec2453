package uk.gov.em.hub.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.gov.em.hub.cases.app.CaseDetail;
import uk.gov.em.hub.cases.app.CaseQueries;
import uk.gov.em.hub.cases.app.CaseSummary;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.accesslog.web.ReadPurpose;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.paging.web.PageResponse;
import uk.gov.em.hub.queue.domain.Queues;
import uk.gov.em.hub.security.domain.Roles;

import java.util.function.Function;

/**
 * Reads cases: one in full, or a filtered listing newest raised first (raised_at, then case id, both
 * descending), keyset-paged like the queues. OPS may not read individual cases (they see aggregates).
 */
@Controller("/api/v1/cases")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseController {

    private final CaseQueries cases;

    public CaseController(CaseQueries cases) {
        this.cases = cases;
    }

    @Get
    @Operation(operationId = "listCases", summary = "The cases matching every filter given, newest first, paged")
    @ReadPurpose
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    public PageResponse<CaseSummary> list(@QueryValue @Nullable String subjectId,
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
        return PageResponse.of(cases.list(filter, pageLimit, cursor), Function.identity());
    }

    @Get("/{caseId}")
    @Operation(operationId = "getCase",
            summary = "One case in full: its fields, status, assignee, allowed actions, actions and audit trail")
    @ReadPurpose
    @ProblemResponses.NotFound
    public CaseDetail one(@PathVariable String caseId) {
        return cases.one(caseId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
