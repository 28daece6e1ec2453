package uk.gov.em.deploy;

import uk.gov.em.infra.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * A PostgreSQL of a test's own for the hub, which the test can stop and start again on the same port and
 * data (the shared harness's cannot be), and what the hub has stored in it, read behind the hub's back.
 */
final class HubDatabase implements AutoCloseable {

    static final String NAME = "em_hub";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgresServer server;

    HubDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = EmbeddedPostgresServer.start(dataDir, port);
    }

    /** The hub's database, owned by a role of the same name and password; its JDBC URL. */
    String create() {
        return server.ensureDatabase(NAME, NAME);
    }

    synchronized void stop() {
        server.close();
        server = null;
    }

    synchronized void start() {
        server = EmbeddedPostgresServer.start(dataDir, port);
    }

    Set<String> storedNotifications(String subjectPrefix) {
        return strings("SELECT notification_id FROM notification WHERE subject_id LIKE '" + subjectPrefix + "%'");
    }

    /** Case ids of this run's people that are not withdrawn. */
    Set<String> casesInForce(String subjectPrefix) {
        return strings("SELECT case_id FROM breach_case WHERE subject_id LIKE '" + subjectPrefix + "%' AND status <> 'WITHDRAWN'");
    }

    /** Cases in force of one person for the same trigger at the same moment under different ids. */
    int sameCaseTwice(String subjectPrefix) {
        return strings("SELECT subject_id || trigger || opened_at FROM breach_case WHERE subject_id LIKE '" + subjectPrefix
                + "%' AND status <> 'WITHDRAWN' GROUP BY subject_id, trigger, opened_at HAVING count(*) > 1").size();
    }

    private synchronized Set<String> strings(String query) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(NAME), server.superuser(), "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            Set<String> values = new HashSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + query, e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
