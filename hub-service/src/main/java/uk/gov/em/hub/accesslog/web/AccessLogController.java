package uk.gov.em.hub.accesslog.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.accesslog.AccessLog;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.paging.web.PageResponse;
import uk.gov.em.hub.security.domain.Roles;

import java.time.Instant;

/**
 * Who read a person's data: {@code GET /api/v1/subjects/{subjectId}/access-log}, newest first, paged like
 * every list ({@code limit}, {@code cursor}). For senior caseworkers and ops, who oversee access.
 */
@Controller("/api/v1/subjects/{subjectId}/access-log")
@Secured({Roles.SENIOR_CASEWORKER, Roles.OPS})
@ProblemResponses.RoleRequired
@ProblemResponses.BadRequest
@ExecuteOn(TaskExecutors.BLOCKING)
public class AccessLogController {

    private final AccessLog log;

    public AccessLogController(AccessLog log) {
        this.log = log;
    }

    /** One read of the person's data. */
    public record AccessResponse(Instant at, String actor, String what, @Nullable String caseId,
                                 @Nullable String purpose) {
        static AccessResponse of(AccessLog.Entry row) {
            return new AccessResponse(row.at(), row.actor(), row.what(), row.caseId(), row.purpose());
        }
    }

    @Get
    @Operation(operationId = "listAccessLog",
            summary = "Who read the person's data, when, through what and why, newest first")
    public PageResponse<AccessResponse> list(@PathVariable String subjectId, @QueryValue @Nullable Integer limit,
                                             @QueryValue @Nullable String cursor) {
        return PageResponse.of(log.of(subjectId, PageLimit.of(limit), cursor), AccessResponse::of);
    }
}
