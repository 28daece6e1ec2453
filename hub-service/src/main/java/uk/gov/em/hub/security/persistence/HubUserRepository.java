package uk.gov.em.hub.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The hub's users. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HubUserRepository extends GenericRepository<HubUserRow, String> {

    Optional<HubUserRow> findByUsername(String username);

    /** Creates the user, or resets the password and roles of an existing one. */
    @Query("""
            INSERT INTO hub_user (username, password_hash, roles, updated_at)
            VALUES (:username, :passwordHash, :roles, now())
            ON CONFLICT (username) DO UPDATE
               SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, updated_at = now()""")
    void upsert(String username, String passwordHash, @TypeDef(type = DataType.STRING_ARRAY) String[] roles);

    /** Counts one more wrong password in a row for this user. */
    @Query("UPDATE hub_user SET failed_sign_ins = failed_sign_ins + 1 WHERE username = :username")
    void countFailure(String username);

    /**
     * Locks the account until {@code until} if it has reached {@code maxFailures} wrong passwords in a row
     * (starting the count again); 1 when this call locked it. Atomic, so of racing failures one locks.
     */
    @Query("""
            UPDATE hub_user SET locked_until = :until, failed_sign_ins = 0
             WHERE username = :username AND failed_sign_ins >= :maxFailures""")
    int lockIfReached(String username, int maxFailures, Instant until);

    /** Clears the failure count and any lock: a successful sign-in, or an admin's unlock. */
    @Query("UPDATE hub_user SET failed_sign_ins = 0, locked_until = NULL WHERE username = :username")
    int clearFailures(String username);
}
