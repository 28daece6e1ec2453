package uk.gov.em.hub.trailrequests.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Appends to and reads {@code trail_request}, which is never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TrailRequestRepository extends GenericRepository<TrailRequestRow, Long> {

    /** Records a new request; the row with its id. */
    TrailRequestRow save(TrailRequestRow row);

    Optional<TrailRequestRow> findById(long id);

    /** A person's requests, newest first, from before the request {@code beforeId} (exclusive). */
    @Query("""
            SELECT * FROM trail_request WHERE subject_id = :subjectId AND id < :beforeId
             ORDER BY id DESC LIMIT :limit""")
    List<TrailRequestRow> newestFirst(String subjectId, long beforeId, int limit);

    /** Whether {@code caseId} is a case of {@code subjectId}. */
    @Query("SELECT EXISTS (SELECT 1 FROM breach_case WHERE case_id = :caseId AND subject_id = :subjectId)")
    boolean isCaseOf(String caseId, String subjectId);
}
