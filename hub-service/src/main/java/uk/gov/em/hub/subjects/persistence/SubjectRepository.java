package uk.gov.em.hub.subjects.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.reviews.domain.ReviewSchedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code subject} table and its outbox. {@link #save} writes both in the caller's transaction, so a
 * subject change is published if and only if it is stored.
 */
@Singleton
public class SubjectRepository {

    private static final String UPSERT = """
            INSERT INTO subject (subject_id, harm_level, vulnerable, device_type, em_start_date, updated_at, updated_by,
                                 em_end_date, em_end_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (subject_id) DO UPDATE
               SET harm_level = EXCLUDED.harm_level, vulnerable = EXCLUDED.vulnerable,
                   device_type = EXCLUDED.device_type, em_start_date = EXCLUDED.em_start_date,
                   em_end_date = EXCLUDED.em_end_date, em_end_reason = EXCLUDED.em_end_reason,
                   updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""";
    private static final String OUTBOX = """
            INSERT INTO subject_outbox (subject_id, payload, created_at) VALUES (?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final JsonSerde<Subject> serde = JsonSerde.of(Subject.class);

    public SubjectRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the subject and queues it for em.subjects; must run inside a transaction. */
    public void save(Subject s, String by) {
        jdbc.prepareStatement(UPSERT, ps -> {
            int i = 1;
            ps.setString(i++, s.subjectId());
            ps.setString(i++, s.harmLevel() == null ? null : s.harmLevel().name());
            ps.setBoolean(i++, s.vulnerable());
            ps.setString(i++, s.deviceType() == null ? null : s.deviceType().name());
            ps.setObject(i++, s.emStartDate());
            ps.setObject(i++, s.updatedAt().atOffset(ZoneOffset.UTC));
            ps.setString(i++, by);
            ps.setObject(i++, s.emEndDate());
            ps.setString(i, s.emEndReason() == null ? null : s.emEndReason().name());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(OUTBOX, ps -> {
            ps.setString(1, s.subjectId());
            ps.setBytes(2, serde.serialize(Topics.SUBJECTS, s));
            ps.setObject(3, s.updatedAt().atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        });
    }

    @ReadOnly
    public Optional<Subject> find(String subjectId) {
        String sql = "SELECT subject_id, harm_level, vulnerable, device_type, em_start_date, updated_at, em_end_date,"
                + " em_end_reason FROM subject WHERE subject_id = ?";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** A pending outbox row. */
    public record OutboxRow(long id, String subjectId, byte[] payload) {
    }

    /**
     * Up to {@code limit} unpublished outbox rows in the order they were written, if this caller won the
     * publisher's lock for the current transaction (so two instances never publish out of order).
     */
    public List<OutboxRow> pendingIfLeader(int limit) {
        boolean leader = jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext('subject_outbox'))", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
        if (!leader) {
            return List.of();
        }
        String sql = "SELECT outbox_id, subject_id, payload FROM subject_outbox WHERE published_at IS NULL ORDER BY outbox_id LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            return rows;
        });
    }

    public void markPublished(List<OutboxRow> rows, Instant at) {
        jdbc.prepareStatement("UPDATE subject_outbox SET published_at = ? WHERE outbox_id = ANY (?)", ps -> {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            return ps.executeUpdate();
        });
    }

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
        String sql = """
                SELECT s.subject_id, s.harm_level, s.em_start_date, s.em_end_date,
                       (SELECT max(c.opened_at) FROM breach_case c
                         WHERE c.subject_id = s.subject_id AND c.trigger = ?) AS last_review,
                       EXISTS (SELECT 1 FROM breach_case c
                                WHERE c.subject_id = s.subject_id AND c.trigger = ? AND c.lane = 'OPEN') AS pending
                  FROM subject s WHERE s.em_start_date IS NOT NULL""";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, ReviewSchedule.TRIGGER);
            ps.setString(2, ReviewSchedule.TRIGGER);
            List<ReviewCandidate> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String harm = rs.getString(2);
                    OffsetDateTime last = rs.getObject(5, OffsetDateTime.class);
                    rows.add(new ReviewCandidate(rs.getString(1), harm == null ? null : HarmLevel.valueOf(harm),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                            last == null ? null : last.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                            rs.getBoolean(6)));
                }
            }
            return rows;
        });
    }

    private static Subject read(ResultSet rs) throws SQLException {
        String harm = rs.getString("harm_level");
        String device = rs.getString("device_type");
        return new Subject(rs.getString("subject_id"), harm == null ? null : HarmLevel.valueOf(harm),
                rs.getBoolean("vulnerable"), device == null ? null : DeviceType.valueOf(device),
                rs.getObject("em_start_date", LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("em_end_date", LocalDate.class),
                rs.getString("em_end_reason") == null ? null : EmEndReason.valueOf(rs.getString("em_end_reason")));
    }
}
