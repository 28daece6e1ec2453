package uk.gov.em.hub.security.domain;

import java.util.Objects;
import java.util.Set;

/** A user to create (or reset) at startup, as named in {@code EM_HUB_BOOTSTRAP_USERS}. */
public record BootstrapUser(String username, String password, Set<String> roles) {

    public BootstrapUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        roles = Set.copyOf(roles);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BootstrapUser[username=" + username + ", roles=" + roles + "]";
    }
}
