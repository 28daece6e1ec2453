package uk.gov.em.hub.trailrequests.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Appends to and reads {@code trail_request_outcome}, which is never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TrailOutcomeRepository extends GenericRepository<TrailOutcomeRow, Long> {

    /** Records an outcome on a request. */
    TrailOutcomeRow save(TrailOutcomeRow row);

    /** The outcomes recorded on these requests, in the order they were recorded. */
    List<TrailOutcomeRow> findByRequestIdInOrderById(Collection<Long> requestId);
}
