package uk.gov.em.hub.security.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** No hub user has this name. */
public final class UserNotFound extends Rejection {

    public UserNotFound(String username) {
        super(Kind.NOT_FOUND, "user-not-found", "User not found", "no user is named '" + username + "'");
    }
}
