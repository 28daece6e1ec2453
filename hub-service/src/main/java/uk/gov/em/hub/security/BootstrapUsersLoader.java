package uk.gov.em.hub.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.security.domain.BootstrapUser;
import uk.gov.em.hub.security.domain.BootstrapUsers;
import uk.gov.em.hub.security.persistence.HubUserRepository;

import java.util.List;

/**
 * Creates the users named in {@code hub.security.bootstrap-users} ({@code EM_HUB_BOOTSTRAP_USERS}) at
 * startup, or resets their passwords and roles if they exist, so a fresh stack can be signed in to.
 * Empty by default: production users come from elsewhere.
 */
@Singleton
public class BootstrapUsersLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapUsersLoader.class);

    private final List<BootstrapUser> users;
    private final HubUserRepository repository;
    private final PasswordHasher hasher;

    public BootstrapUsersLoader(@Value("${hub.security.bootstrap-users:}") String spec,
                                HubUserRepository repository, PasswordHasher hasher) {
        this.users = BootstrapUsers.parse(spec);
        this.repository = repository;
        this.hasher = hasher;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (BootstrapUser user : users) {
            repository.upsert(user.username(), hasher.hash(user.password()), user.roles().stream().sorted().toArray(String[]::new));
            LOG.info("Bootstrap user {} ready with roles {}", user.username(), user.roles());
        }
    }
}
