package uk.gov.em.hub.trailrequests.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.gov.em.hub.accesslog.web.ReadPurpose;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.paging.web.PageResponse;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.trailrequests.TrailRequests;
import uk.gov.em.hub.trailrequests.domain.TrailOutcome;
import uk.gov.em.hub.trailrequests.domain.TrailRequest;

import java.time.Instant;
import java.util.List;

/**
 * Requests for a person's trail data: caseworkers and senior caseworkers ask, with a purpose and a period
 * ({@code POST /api/v1/subjects/{subjectId}/trail-requests}); senior caseworkers and ops record the outcome
 * ({@code POST /api/v1/trail-requests/{requestId}/outcome}); the person's requests are listed newest first
 * ({@code GET /api/v1/subjects/{subjectId}/trail-requests}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
@ProblemResponses.BadRequest
public class TrailRequestController {

    private final TrailRequests requests;

    public TrailRequestController(TrailRequests requests) {
        this.requests = requests;
    }

    /** A request for trail data: why, and the period asked for; {@code caseId} when it is for one case. */
    public record NewTrailRequest(@Nullable String caseId, @Nullable String purpose, @Nullable Instant from,
                                  @Nullable Instant to) {
    }

    /** An outcome: {@code APPROVED}, {@code REFUSED} or {@code PROVIDED}, and a note saying why or what. */
    public record OutcomeRequest(@Nullable TrailOutcome outcome, @Nullable String note) {
    }

    /** A request as the API shows it; {@code status} is its latest outcome, or {@code PENDING}. */
    public record TrailRequestResponse(long requestId, String subjectId, @Nullable String caseId, String requester,
                                       String purpose, Instant from, Instant to, Instant requestedAt, String status,
                                       List<TrailRequest.Outcome> outcomes) {
        static TrailRequestResponse of(TrailRequest r) {
            String status = r.outcomes().isEmpty() ? "PENDING" : r.outcomes().getLast().outcome().name();
            return new TrailRequestResponse(r.id(), r.subjectId(), r.caseId(), r.requester(), r.purpose(), r.from(),
                    r.to(), r.requestedAt(), status, r.outcomes());
        }
    }

    @Post("/subjects/{subjectId}/trail-requests")
    @Operation(operationId = "requestTrailData",
            summary = "Records a purpose-bound request for the person's trail data")
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    @ApiResponse(responseCode = "201", description = "The request as stored", useReturnTypeSchema = true)
    @ProblemResponses.Unprocessable
    public HttpResponse<TrailRequestResponse> request(@PathVariable String subjectId, @Body NewTrailRequest body,
                                                      Authentication who) {
        TrailRequest stored = requests.request(who.getName(), subjectId, body.caseId(), body.purpose(), body.from(),
                body.to());
        return HttpResponse.created(TrailRequestResponse.of(stored));
    }

    @Post("/trail-requests/{requestId}/outcome")
    @Operation(operationId = "decideTrailRequest", summary = "Records what became of a trail data request")
    @Secured({Roles.SENIOR_CASEWORKER, Roles.OPS})
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.Unprocessable
    public TrailRequestResponse decide(@PathVariable long requestId, @Body OutcomeRequest body, Authentication who) {
        return TrailRequestResponse.of(requests.decide(who.getName(), requestId, body.outcome(), body.note()));
    }

    @Get("/subjects/{subjectId}/trail-requests")
    @Operation(operationId = "listTrailRequests", summary = "The person's trail data requests, newest first")
    @ReadPurpose
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.OPS})
    public PageResponse<TrailRequestResponse> list(@PathVariable String subjectId, @QueryValue @Nullable Integer limit,
                                                   @QueryValue @Nullable String cursor) {
        return PageResponse.of(requests.of(subjectId, PageLimit.of(limit), cursor), TrailRequestResponse::of);
    }
}
