package uk.gov.em.hub.dataquality.persistence;

import uk.gov.em.hub.dataquality.app.DataQualityCountRow;
import uk.gov.em.hub.dataquality.app.DataQualityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/**
 * Appends to and reads {@code data_quality_exception}, which the service may never change: an exception is
 * inserted once (its fingerprint is unique) and then only read.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DataQualityRepository extends GenericRepository<DataQualityRow, Long> {

    /** Stores an exception unless one with the same fingerprint is stored; 1 if it was new, else 0. */
    @Query("""
            INSERT INTO data_quality_exception (fingerprint, kind, supplier, notification_id, subject_id, detail,
                                                event_time, detected_at, origin_topic, origin_partition, origin_offset,
                                                exception, stored_at)
            VALUES (:fingerprint, :kind, :supplier, :notificationId, :subjectId, :detail, :eventTime, :detectedAt,
                    :originTopic, :originPartition, :originOffset, :exception, :storedAt)
            ON CONFLICT (fingerprint) DO NOTHING""")
    int insertIfAbsent(String fingerprint, String kind, @Nullable String supplier, @Nullable String notificationId,
                       @Nullable String subjectId, String detail, @Nullable Instant eventTime, Instant detectedAt,
                       @Nullable String originTopic, @Nullable Integer originPartition, @Nullable Long originOffset,
                       @Nullable String exception, Instant storedAt);

    /**
     * The exceptions matching the filters given (a {@code null} filter matches all; an empty supplier matches
     * those whose supplier is not known), newest first, from before the row {@code beforeId} (exclusive).
     */
    @Query("""
            SELECT * FROM data_quality_exception
             WHERE id < :beforeId
               AND (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND (CAST(:supplier AS text) IS NULL OR coalesce(supplier, '') = :supplier)
             ORDER BY id DESC LIMIT :limit""")
    List<DataQualityRow> newestFirst(@Nullable String kind, @Nullable String supplier, long beforeId, int limit);

    /** Every supplier named by an exception, in order. */
    @Query("SELECT DISTINCT supplier FROM data_quality_exception WHERE supplier IS NOT NULL ORDER BY supplier")
    List<String> suppliers();

    /** Exceptions by UTC month of detection, supplier and kind, for the months [start, end). */
    @Query("""
            SELECT to_char(detected_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, supplier, kind, count(*) AS count
              FROM data_quality_exception
             WHERE detected_at >= :start AND detected_at < :end
             GROUP BY 1, 2, 3
             ORDER BY 1, 2 NULLS LAST, 3""")
    List<DataQualityCountRow> countsByMonth(Instant start, Instant end);

    /**
     * The exceptions that name a notification of this person's: reported about them, or about a notification
     * their timeline shows (a conflicting copy may have named someone else). The timeline marks those.
     */
    @Query("""
            SELECT * FROM data_quality_exception WHERE id IN (
                SELECT e.id FROM data_quality_exception e
                 WHERE e.subject_id = :subjectId AND e.notification_id IS NOT NULL
                UNION
                SELECT e.id FROM notification n
                  JOIN data_quality_exception e ON e.supplier = n.supplier AND e.notification_id = n.notification_id
                 WHERE n.subject_id = :subjectId)
             ORDER BY id""")
    List<DataQualityRow> aboutNotificationsOf(String subjectId);
}
