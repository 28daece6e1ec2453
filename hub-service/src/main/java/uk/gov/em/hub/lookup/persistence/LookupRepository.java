package uk.gov.em.hub.lookup.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Finds a case, a person or a notification by its exact id, each by index reads only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface LookupRepository extends GenericRepository<FoundCaseRow, String> {

    @Query("SELECT case_id, subject_id FROM breach_case WHERE case_id = :caseId")
    Optional<FoundCaseRow> caseById(String caseId);

    /** Whether the hub knows the person: in the register, or named by a case or a notification. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM subject WHERE subject_id = :subjectId)
                OR EXISTS (SELECT 1 FROM breach_case WHERE subject_id = :subjectId)
                OR EXISTS (SELECT 1 FROM notification WHERE subject_id = :subjectId)""")
    boolean personKnown(String subjectId);

    /**
     * The notifications of this id, one per supplier that used it. A notification is keyed by (supplier, id):
     * the query walks the distinct suppliers through the primary key and looks each pair up there, so it reads
     * a few index entries per supplier however many notifications are stored, with no index of its own to slow
     * the notification feed down.
     */
    @Query("""
            WITH RECURSIVE supplier_ids AS (
                (SELECT supplier FROM notification ORDER BY supplier LIMIT 1)
                UNION ALL
                SELECT (SELECT n.supplier FROM notification n WHERE n.supplier > s.supplier ORDER BY n.supplier LIMIT 1)
                FROM supplier_ids s WHERE s.supplier IS NOT NULL)
            SELECT n.supplier, n.notification_id, n.subject_id, n.type
              FROM supplier_ids s JOIN notification n ON n.supplier = s.supplier AND n.notification_id = :notificationId
             ORDER BY n.supplier""")
    List<FoundNotificationRow> notificationsById(String notificationId);
}
