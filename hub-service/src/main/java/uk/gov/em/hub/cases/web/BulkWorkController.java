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
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

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
        if (request.caseIds() == null || request.caseIds().isEmpty() || request.caseIds().size() > BulkWork.MAX_CASES) {
            throw new InvalidParameter("caseIds", "must list 1 to " + BulkWork.MAX_CASES + " case ids");
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.caseIds()));
        String operation = request.operation() == null ? "" : request.operation().toUpperCase(Locale.ROOT);
        return switch (operation) {
            case "REASSIGN" -> {
                if (request.assignee() == null || !USERNAME.matcher(request.assignee()).matches()) {
                    throw new InvalidParameter("assignee", "is required for REASSIGN: a user name");
                }
                yield new BulkResponse(bulk.reassign(ids, CaseWorkController.caller(who), request.assignee()));
            }
            case "RELEASE" -> new BulkResponse(bulk.release(ids, CaseWorkController.caller(who)));
            default -> throw new InvalidParameter("operation", "must be REASSIGN or RELEASE (was '"
                    + request.operation() + "')");
        };
    }
}
