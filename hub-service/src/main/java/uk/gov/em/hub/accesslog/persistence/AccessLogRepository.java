package uk.gov.em.hub.accesslog.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Appends to and reads {@code access_log}, which the service may never change. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccessLogRepository extends GenericRepository<AccessLogRow, Long> {

    @Query("""
            INSERT INTO access_log (actor, subject_id, what, purpose)
            VALUES (:actor, :subjectId, :what, :purpose)""")
    void recordSubject(String actor, String subjectId, String what, @Nullable String purpose);

    /** Records a read of a case against the case's person; nothing when there is no such case. */
    @Query("""
            INSERT INTO access_log (actor, subject_id, case_id, what, purpose)
            SELECT :actor, subject_id, case_id, :what, :purpose FROM breach_case WHERE case_id = :caseId""")
    void recordCase(String actor, String caseId, String what, @Nullable String purpose);

    /** A person's log, newest first, from before the row {@code beforeId} (exclusive). */
    @Query("""
            SELECT * FROM access_log WHERE subject_id = :subjectId AND id < :beforeId
             ORDER BY id DESC LIMIT :limit""")
    List<AccessLogRow> newestFirst(String subjectId, long beforeId, int limit);
}
