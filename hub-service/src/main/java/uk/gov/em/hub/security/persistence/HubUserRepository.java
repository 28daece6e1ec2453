package uk.gov.em.hub.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

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
}
