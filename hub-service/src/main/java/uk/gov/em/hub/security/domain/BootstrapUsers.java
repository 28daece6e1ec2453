package uk.gov.em.hub.security.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the bootstrap user list: {@code user:password:ROLE|ROLE;user:password:ROLE}. The user name ends
 * at the first colon and the roles start after the last, so a password may contain colons (not
 * semicolons). A malformed entry or an unknown role stops the service at startup rather than leaving
 * someone unable to sign in; the message never contains a password.
 */
public final class BootstrapUsers {

    private BootstrapUsers() {
    }

    public static List<BootstrapUser> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        List<BootstrapUser> users = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String[] entries = spec.split(";");
        for (int n = 0; n < entries.length; n++) {
            String entry = entries[n].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first <= 0 || last == first || last == entry.length() - 1) {
                throw new IllegalArgumentException("bootstrap user entry " + (n + 1)
                        + " must be user:password:ROLE|ROLE");
            }
            String username = entry.substring(0, first);
            String password = entry.substring(first + 1, last);
            if (password.isEmpty()) {
                throw new IllegalArgumentException("bootstrap user '" + username + "' has an empty password");
            }
            Set<String> roles = new LinkedHashSet<>();
            for (String role : entry.substring(last + 1).split("\\|")) {
                if (!Roles.ALL.contains(role.strip())) {
                    throw new IllegalArgumentException("bootstrap user '" + username + "' has unknown role '"
                            + role.strip() + "'; roles are " + Arrays.toString(Roles.ALL.stream().sorted().toArray()));
                }
                roles.add(role.strip());
            }
            if (!seen.add(username)) {
                throw new IllegalArgumentException("bootstrap user '" + username + "' is named twice");
            }
            users.add(new BootstrapUser(username, password, roles));
        }
        return List.copyOf(users);
    }
}
