package uk.gov.em.hub.security.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Appends to {@code sign_in_event}, which the service may insert into and read but never change. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInEventRepository extends GenericRepository<HubUserRow, String> {

    @Query("INSERT INTO sign_in_event (username, source, outcome, actor) VALUES (:username, :source, :outcome, :actor)")
    void record(String username, String source, String outcome, @Nullable String actor);
}
