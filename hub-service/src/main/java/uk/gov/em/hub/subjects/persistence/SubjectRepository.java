package uk.gov.em.hub.subjects.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.reviews.domain.ReviewSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code subject} table and its outbox, on Micronaut Data JDBC. {@link #save} writes both in the
 * caller's transaction, so a subject change is published if and only if it is stored.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class SubjectRepository implements GenericRepository<SubjectRow, String> {

    private final JsonSerde<Subject> serde = JsonSerde.of(Subject.class);

    /** Stores the subject and queues it for em.subjects; must run inside a transaction. */
    public void save(Subject s, String by) {
        upsert(s.subjectId(), name(s.harmLevel()), s.vulnerable(), name(s.deviceType()), s.emStartDate(),
                s.updatedAt(), by, s.emEndDate(), name(s.emEndReason()));
        queue(s.subjectId(), serde.serialize(Topics.SUBJECTS, s), s.updatedAt());
    }

    @Query("""
            INSERT INTO subject (subject_id, harm_level, vulnerable, device_type, em_start_date, updated_at, updated_by,
                                 em_end_date, em_end_reason)
            VALUES (:subjectId, :harmLevel, :vulnerable, :deviceType, :emStartDate, :updatedAt, :updatedBy,
                    :emEndDate, :emEndReason)
            ON CONFLICT (subject_id) DO UPDATE
               SET harm_level = EXCLUDED.harm_level, vulnerable = EXCLUDED.vulnerable,
                   device_type = EXCLUDED.device_type, em_start_date = EXCLUDED.em_start_date,
                   em_end_date = EXCLUDED.em_end_date, em_end_reason = EXCLUDED.em_end_reason,
                   updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
    protected abstract void upsert(String subjectId, @Nullable String harmLevel, boolean vulnerable,
                                   @Nullable String deviceType, @Nullable LocalDate emStartDate, Instant updatedAt,
                                   String updatedBy, @Nullable LocalDate emEndDate, @Nullable String emEndReason);

    @Query("INSERT INTO subject_outbox (subject_id, payload, created_at) VALUES (:subjectId, :payload, :createdAt)")
    protected abstract void queue(String subjectId, byte[] payload, Instant createdAt);

    @ReadOnly
    public Optional<Subject> find(String subjectId) {
        return findBySubjectId(subjectId).map(r -> new Subject(r.subjectId(),
                r.harmLevel() == null ? null : HarmLevel.valueOf(r.harmLevel()), r.vulnerable(),
                r.deviceType() == null ? null : DeviceType.valueOf(r.deviceType()), r.emStartDate(), r.updatedAt(),
                r.emEndDate(), r.emEndReason() == null ? null : EmEndReason.valueOf(r.emEndReason())));
    }

    protected abstract Optional<SubjectRow> findBySubjectId(String subjectId);

    /** Of {@code subjectIds}, those the register marks vulnerable: one query for a page of cases. */
    @ReadOnly
    @Query("SELECT subject_id FROM subject WHERE vulnerable AND subject_id = ANY(CAST(:subjectIds AS text[]))")
    public abstract List<String> vulnerableAmong(String[] subjectIds);

    /** A pending outbox row. */
    @Introspected
    public record OutboxRow(long id, String subjectId, byte[] payload) {
    }

    /**
     * Up to {@code limit} unpublished outbox rows in the order they were written, if this caller won the
     * publisher's lock for the current transaction (so two instances never publish out of order).
     */
    public List<OutboxRow> pendingIfLeader(int limit) {
        return tryPublisherLock() ? pending(limit) : List.of();
    }

    @Query("SELECT pg_try_advisory_xact_lock(hashtext('subject_outbox'))")
    protected abstract boolean tryPublisherLock();

    @Query("""
            SELECT outbox_id AS id, subject_id, payload FROM subject_outbox WHERE published_at IS NULL
             ORDER BY outbox_id LIMIT :limit""")
    protected abstract List<OutboxRow> pending(int limit);

    public void markPublished(List<OutboxRow> rows, Instant at) {
        markIdsPublished(rows.stream().map(OutboxRow::id).toList(), at);
    }

    @Query("UPDATE subject_outbox SET published_at = :at WHERE outbox_id IN (:ids)")
    protected abstract void markIdsPublished(List<Long> ids, Instant at);

    /**
     * A person due for scheduled reviews: start and end of EM, the due date of their last scheduled
     * review raised, and whether one is pending.
     */
    public record ReviewCandidate(String subjectId, HarmLevel harmLevel, LocalDate emStartDate, LocalDate emEndDate,
                                  LocalDate lastReviewDue, boolean reviewPending) {
    }

    /**
     * Everyone on the register with an EM start date, with the due date of their latest scheduled review
     * (its case's openedAt) and whether a scheduled review of theirs is still open.
     */
    @ReadOnly
    public List<ReviewCandidate> reviewCandidates() {
        return candidateRows(ReviewSchedule.TRIGGER).stream().map(r -> new ReviewCandidate(r.subjectId(),
                r.harmLevel() == null ? null : HarmLevel.valueOf(r.harmLevel()), r.emStartDate(), r.emEndDate(),
                r.lastReview() == null ? null : LocalDate.ofInstant(r.lastReview(), ZoneOffset.UTC), r.pending()))
                .toList();
    }

    @Query("""
            SELECT s.subject_id, s.harm_level, s.em_start_date, s.em_end_date,
                   (SELECT max(c.opened_at) FROM breach_case c
                     WHERE c.subject_id = s.subject_id AND c.trigger = :trigger) AS last_review,
                   EXISTS (SELECT 1 FROM breach_case c
                            WHERE c.subject_id = s.subject_id AND c.trigger = :trigger AND c.lane = 'OPEN') AS pending
              FROM subject s WHERE s.em_start_date IS NOT NULL""")
    protected abstract List<CandidateRow> candidateRows(String trigger);

    /** A review candidate as the query answers it. */
    @Introspected
    protected record CandidateRow(String subjectId, @Nullable String harmLevel, LocalDate emStartDate,
                                  @Nullable LocalDate emEndDate, @Nullable Instant lastReview, boolean pending) {
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
