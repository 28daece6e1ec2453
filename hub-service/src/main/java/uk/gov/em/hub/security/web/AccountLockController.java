package uk.gov.em.hub.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.security.AccountLocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;

/**
 * An admin unlocks an account locked by wrong passwords before its timed release; the unlock is recorded
 * with the admin's name beside the sign-in attempts.
 */
@Controller("/api/v1/users/{username}/unlock")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
@ProblemResponses.NotFound
public class AccountLockController {

    private final AccountLocks locks;

    public AccountLockController(AccountLocks locks) {
        this.locks = locks;
    }

    @Post
    @Operation(operationId = "unlockUser", summary = "Unlocks an account that failed sign-ins locked")
    @Secured(Roles.ADMIN)
    @ApiResponse(responseCode = "204", description = "Unlocked")
    public HttpResponse<?> unlock(@PathVariable String username, Authentication who) {
        locks.unlock(username, who.getName());
        return HttpResponse.noContent();
    }
}
