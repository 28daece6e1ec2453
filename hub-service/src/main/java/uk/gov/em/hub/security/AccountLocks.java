package uk.gov.em.hub.security;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.hub.security.domain.SignInOutcome;
import uk.gov.em.hub.security.domain.UserNotFound;
import uk.gov.em.hub.security.persistence.HubUserRepository;
import uk.gov.em.hub.security.persistence.SignInEventRepository;

/**
 * An administrator unlocks an account locked by wrong passwords before its timed release; the unlock is
 * recorded with the administrator's name beside the sign-in attempts, in the same transaction.
 */
@Singleton
public class AccountLocks {

    private final HubUserRepository users;
    private final SignInEventRepository events;

    public AccountLocks(HubUserRepository users, SignInEventRepository events) {
        this.users = users;
        this.events = events;
    }

    /** Clears {@code username}'s failures and lock; 404 when there is no such user. */
    @Transactional
    public void unlock(String username, String by) {
        if (users.clearFailures(username) == 0) {
            throw new UserNotFound(username);
        }
        events.record(username, "api", SignInOutcome.UNLOCKED.name(), by);
    }
}
