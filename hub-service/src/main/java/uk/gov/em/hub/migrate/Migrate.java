package uk.gov.em.hub.migrate;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.util.Map;

/**
 * Migrates the hub's schema as its owner, then exits: the separate step a deployment runs before the
 * service (a Kubernetes Job with its own secret), so the running hub never holds the owner's password.
 * {@code java -cp hub-service.jar uk.gov.em.hub.migrate.Migrate} with {@code HUB_DB_MIGRATION_URL},
 * {@code HUB_DB_MIGRATION_USER}, {@code HUB_DB_MIGRATION_PASSWORD} and {@code HUB_DB_APP_ROLE} (the role
 * the service connects as, granted what it needs by {@code R__app_role_grants.sql}). The service then runs
 * with {@code HUB_DB_MIGRATE=false}.
 */
public final class Migrate {

    /** Where the migrations are: the same files the service would apply itself. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrate() {
    }

    public static void main(String[] args) {
        MigrateResult result = migrate(required("HUB_DB_MIGRATION_URL"), required("HUB_DB_MIGRATION_USER"),
                required("HUB_DB_MIGRATION_PASSWORD"), required("HUB_DB_APP_ROLE"));
        System.out.printf("hub schema at version %s (%d migration(s) applied)%n", result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** Applies every pending migration as {@code owner} and grants {@code appRole} what the service needs. */
    public static MigrateResult migrate(String url, String owner, String password, String appRole) {
        return Flyway.configure()
                .dataSource(url, owner, password)
                .locations(LOCATION)
                .placeholders(Map.of("approle", appRole))
                .load()
                .migrate();
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set");
        }
        return value;
    }
}
