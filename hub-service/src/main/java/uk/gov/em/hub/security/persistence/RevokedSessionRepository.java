package uk.gov.em.hub.security.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Tokens of sessions that were signed out ({@code revoked_session}), by the token's id (jti). */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RevokedSessionRepository extends GenericRepository<HubUserRow, String> {

    /** Refuses the token {@code jti} until {@code expiresAt}, when it would have expired anyway. */
    @Query("INSERT INTO revoked_session (jti, expires_at) VALUES (:jti, :expiresAt) ON CONFLICT (jti) DO NOTHING")
    void revoke(String jti, Instant expiresAt);

    @Query("SELECT EXISTS (SELECT 1 FROM revoked_session WHERE jti = :jti)")
    boolean isRevoked(String jti);

    /** Forgets revocations of tokens that have expired since. */
    @Query("DELETE FROM revoked_session WHERE expires_at < :now")
    void purgeExpired(Instant now);
}
