package uk.gov.em.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from binaries shipped in a jar, listening on loopback. Its data directory is
 * kept between runs. Superuser {@code postgres} with no password (trust on loopback only).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL keeping its data in {@code dataDir}, on {@code port} (0 picks a free port). */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? FreePorts.pick() : port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .start();
            return new EmbeddedPostgresServer(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL for {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String superuser() {
        return "postgres";
    }

    /**
     * Creates {@code database} owned by a login role of the same name and password, unless it exists.
     * Returns its JDBC URL.
     */
    public String ensureDatabase(String database, String password) {
        ensureLoginRole(database, password);
        execute("SELECT 1 FROM pg_database WHERE datname = '" + database + "'",
                "CREATE DATABASE " + database + " OWNER " + database);
        return jdbcUrl(database);
    }

    /** Creates a login role that owns nothing, unless it exists. */
    public void ensureLoginRole(String role, String password) {
        execute("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'",
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
    }

    /** Runs {@code create} unless {@code exists} finds a row. Names here are our own constants, never input. */
    private void execute(String exists, String create) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(exists)) {
                if (!rs.next()) {
                    s.execute(create);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run: " + create, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
