package uk.gov.em.hub.cases.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.cases.app.CaseDetail;
import uk.gov.em.hub.cases.app.CaseQueries;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.cases.domain.ActionDetails;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;

/**
 * Working a case: claim it, give it back, record actions. Caseworkers and senior caseworkers work cases;
 * an administrator may only release a stuck claim; OPS never touches cases.
 */
@Controller("/api/v1/cases/{caseId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
@ProblemResponses.NotFound
@ProblemResponses.Conflict
public class CaseWorkController {

    private final CaseWork work;
    private final CaseQueries cases;

    public CaseWorkController(CaseWork work, CaseQueries cases) {
        this.work = work;
        this.cases = cases;
    }

    /**
     * The body of {@code POST .../actions}: the action, a note, and what some actions need (an
     * {@code outcome} or {@code reason} word, a contact's {@code method} and whether it {@code reached}
     * the person, the {@code party} notified, the {@code agency} of a safeguarding referral).
     */
    public record ActionRequest(@Nullable String action, @Nullable String note, @Nullable String outcome,
                                @Nullable String reason, @Nullable String method, @Nullable Boolean reached,
                                @Nullable String party, @Nullable String agency) {

        public ActionRequest(String action, String note) {
            this(action, note, null, null, null, null, null, null);
        }
    }

    @Post("/claim")
    @Operation(operationId = "claimCase", summary = "Gives the case to the caller")
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public CaseDetail claim(@PathVariable String caseId, Authentication who) {
        return cases.detail(work.claim(caseId, CaseWork.Caller.of(who)));
    }

    @Post("/release")
    @Operation(operationId = "releaseCase", summary = "Gives the case back to its queue")
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
    public CaseDetail release(@PathVariable String caseId, Authentication who) {
        return cases.detail(work.release(caseId, CaseWork.Caller.of(who)));
    }

    @Post("/actions")
    @Operation(operationId = "recordAction", summary = "Records an action on a case the caller holds")
    @ProblemResponses.BadRequest
    @ProblemResponses.Unprocessable
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public CaseDetail act(@PathVariable String caseId, @Body ActionRequest request, Authentication who) {
        ActionDetails.Words words = new ActionDetails.Words(request.outcome(), request.reason(), request.method(),
                request.reached(), request.party(), request.agency());
        return cases.detail(work.act(caseId, CaseWork.Caller.of(who), request.action(), words, request.note()));
    }
}
