package uk.gov.em.hub.migrate;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import uk.gov.em.testing.PostgresHarness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations as their own step: {@link Migrate} applies the schema as the owner, and the role the
 * service runs as can then use the tables but can neither change the audit trail nor switch off what
 * guards it.
 */
class MigrationStepIT {

    private static final String APP_ROLE = "em_hub_migrate_it_app";
    private static final String APP_PASSWORD = "em-hub-migrate-it-pw";

    @Test
    void theMigrationStepLeavesTheServicesRoleOwningNothing() throws SQLException {
        PostgresHarness.Database db = PostgresHarness.freshDatabase("migration-step");
        try (Connection owner = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = owner.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_PASSWORD + "';"
                    + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            s.execute("GRANT CONNECT ON DATABASE " + owner.getCatalog() + " TO " + APP_ROLE);
        }

        MigrateResult result = Migrate.migrate(db.jdbcUrl(), db.username(), db.password() == null ? "" : db.password(),
                APP_ROLE);

        assertThat(result.success).isTrue();
        assertThat(Integer.parseInt(result.targetSchemaVersion)).isGreaterThanOrEqualTo(20);
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), APP_ROLE, APP_PASSWORD);
             Statement s = app.createStatement()) {
            s.executeQuery("SELECT count(*) FROM audit_event").close();
            s.execute("INSERT INTO sign_in_event (username, source, outcome) VALUES ('u', 's', 'FAILED')");
            assertThatThrownBy(() -> s.execute("ALTER TABLE audit_event DISABLE TRIGGER USER"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DELETE FROM sign_in_event")).hasMessageContaining("permission denied");
        }
    }
}
