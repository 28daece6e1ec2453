package uk.gov.em.hub.timeline.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.accesslog.web.ReadPurpose;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.timeline.app.TimelineQueries;
import uk.gov.em.hub.timeline.domain.Timeline;
import uk.gov.em.hub.timeline.domain.TimelineEntry;

import java.util.List;

/**
 * A person's whole EM history in time order (docs/api/hub-api.md): every notification, ABV, case, action and
 * withdrawal. Individual data, so caseworkers and administrators only. A person the hub has never heard
 * of is a 404.
 */
@Controller("/api/v1/subjects/{subjectId}/timeline")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ProblemResponses.NotFound
@ExecuteOn(TaskExecutors.BLOCKING)
public class TimelineController {

    private final TimelineQueries timeline;

    public TimelineController(TimelineQueries timeline) {
        this.timeline = timeline;
    }

    /**
     * The answer: the person and their entries, oldest first. {@code truncated}: the history was longer than
     * the cap ({@code hub.timeline.max-entries}) and only its newest entries are here.
     */
    public record TimelineResponse(String subjectId, List<TimelineEntry> entries, boolean truncated) {
    }

    @Get
    @Operation(operationId = "getTimeline", summary = "The person's whole EM history in time order")
    @ReadPurpose
    public TimelineResponse timeline(@PathVariable String subjectId) {
        Timeline found = timeline.of(subjectId);
        return new TimelineResponse(subjectId, found.entries(), found.truncated());
    }
}
