package uk.gov.em.hub.security.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.security.domain.SignInOutcome;
import uk.gov.em.hub.security.domain.UserNotFound;
import uk.gov.em.hub.security.persistence.HubUserRepository;
import uk.gov.em.hub.security.persistence.SignInEventRepository;

/**
 * An admin unlocks an account locked by wrong passwords before its timed release; the unlock is recorded
 * with the admin's name beside the sign-in attempts.
 */
@Controller("/api/v1/users/{username}/unlock")
@ExecuteOn(TaskExecutors.BLOCKING)
@ProblemResponses.RoleRequired
@ProblemResponses.NotFound
public class AccountLockController {

    private final HubUserRepository users;
    private final SignInEventRepository events;

    public AccountLockController(HubUserRepository users, SignInEventRepository events) {
        this.users = users;
        this.events = events;
    }

    @Post
    @Operation(operationId = "unlockUser", summary = "Unlocks an account that failed sign-ins locked")
    @Secured(Roles.ADMIN)
    @ApiResponse(responseCode = "204", description = "Unlocked")
    @Transactional
    public HttpResponse<?> unlock(@PathVariable String username, Authentication who) {
        if (users.clearFailures(username) == 0) {
            throw new UserNotFound(username);
        }
        events.record(username, "api", SignInOutcome.UNLOCKED.name(), who.getName());
        return HttpResponse.noContent();
    }
}
