package uk.gov.em.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import uk.gov.em.infra.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one real PostgreSQL server of this test JVM. Chosen once, in order: an external server named by
 * {@code EM_TEST_JDBC_URL} (with {@code EM_TEST_JDBC_USER} / {@code EM_TEST_JDBC_PASSWORD}), a
 * Testcontainers server when a Docker engine answers, else embedded PostgreSQL binaries. Never skipped.
 * Each test class can take a fresh database of its own with {@link #freshDatabase(String)}.
 */
public final class PostgresHarness {

    public static final String ENV_URL = "EM_TEST_JDBC_URL";
    public static final String ENV_USER = "EM_TEST_JDBC_USER";
    public static final String ENV_PASSWORD = "EM_TEST_JDBC_PASSWORD";
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static Server server;

    private PostgresHarness() {
    }

    /** A connection description of a real PostgreSQL database. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    /** The server's default database. */
    public static synchronized Database database() {
        if (server == null) {
            server = choose();
        }
        return server.database();
    }

    /**
     * A new, empty database on the shared server, so test classes never see each other's rows.
     * {@code prefix} makes its name readable in logs.
     */
    public static Database freshDatabase(String prefix) {
        Database admin = database();
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()
                + "_" + ProcessHandle.current().pid()).toLowerCase();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        String url = admin.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Database(url, admin.username(), admin.password());
    }

    private static Server choose() {
        String external = System.getenv(ENV_URL);
        if (external != null && !external.isBlank()) {
            Database db = new Database(external, System.getenv(ENV_USER), System.getenv(ENV_PASSWORD));
            return () -> db;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            Database db = new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            return () -> db;
        }
        try {
            EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(Files.createTempDirectory("em-pg-"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-stop"));
            Database db = new Database(pg.jdbcUrl("postgres"), pg.superuser(), "");
            return () -> db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Server {
        Database database();
    }
}
