package uk.gov.em.hub.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.cases.work.BulkWork;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;

import java.util.List;

/**
 * {@code POST /api/v1/cases/bulk} for senior caseworkers: {@code {"operation": "REASSIGN", "caseIds":
 * [...], "assignee": "..."}} or {@code {"operation": "RELEASE", "caseIds": [...]}}. Answers, per case,
 * whether it moved and if not why; every case moved has its own audit row.
 */
@Controller("/api/v1/cases/bulk")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
@ProblemResponses.BadRequest
public class BulkWorkController {

    private final BulkWork bulk;

    public BulkWorkController(BulkWork bulk) {
        this.bulk = bulk;
    }

    /** The body of the request. */
    public record BulkRequest(@Nullable String operation, @Nullable List<String> caseIds, @Nullable String assignee) {
    }

    /** Per case, what happened. */
    public record BulkResponse(List<BulkWork.Result> results) {
    }

    @Post
    @Operation(operationId = "moveCases", summary = "Reassigns or releases up to 500 cases, with a result per case")
    @Secured(Roles.SENIOR_CASEWORKER)
    public BulkResponse bulk(@Body BulkRequest request, Authentication who) {
        return new BulkResponse(bulk.apply(new BulkWork.Request(request.operation(), request.caseIds(),
                request.assignee()), CaseWork.Caller.of(who)));
    }
}
