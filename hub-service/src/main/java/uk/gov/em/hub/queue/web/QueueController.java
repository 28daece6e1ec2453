package uk.gov.em.hub.queue.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.app.CaseSummary;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.paging.web.PageResponse;
import uk.gov.em.hub.queue.app.QueueQueries;
import uk.gov.em.hub.queue.domain.QueueOrder;
import uk.gov.em.hub.queue.domain.Queues;
import uk.gov.em.hub.security.domain.Roles;

import java.util.function.Function;

/**
 * A caseworker queue in the order of docs/policy.md §8, keyset-paged: the cursor is the last row's
 * sort key, so pages stay stable while cases arrive and leave. {@code status} defaults to {@code open};
 * {@code withdrawn} and {@code closed} list the cases that left the queue, in the same order. Open cases
 * can instead be listed earliest due first ({@code order=due}), as the prosecutions page does by default:
 * its due dates follow the legal clock.
 */
@Controller("/api/v1/queues")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ProblemResponses.BadRequest
@ProblemResponses.NotFound
@ExecuteOn(TaskExecutors.BLOCKING)
public class QueueController {

    private final QueueQueries queues;

    public QueueController(QueueQueries queues) {
        this.queues = queues;
    }

    @Get("/{queue}")
    @Operation(operationId = "listQueue",
            summary = "The cases of a queue in queue order (or earliest due first), paged")
    public PageResponse<CaseSummary> queue(@PathVariable("queue") String path,
                                           @QueryValue @Nullable Integer limit,
                                           @QueryValue @Nullable String cursor,
                                           @QueryValue @Nullable String status,
                                           @QueryValue @Nullable String order) {
        Queue queue = Queues.fromPath(path);
        PageLimit pageLimit = PageLimit.of(limit);
        CaseStatus caseStatus = status == null ? CaseStatus.OPEN : CaseStatus.fromParameter(status);
        // the order applies to open cases only (and is read only for them)
        QueueOrder queueOrder = caseStatus == CaseStatus.OPEN ? QueueOrder.of(order) : QueueOrder.PRIORITY;
        return PageResponse.of(queues.queue(queue, caseStatus, queueOrder, pageLimit, cursor), Function.identity());
    }
}
