package uk.gov.em.hub.trailrequests.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.gov.em.hub.trailrequests.domain.TrailOutcome;
import uk.gov.em.hub.trailrequests.domain.TrailRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Appends to and reads {@code trail_request} and {@code trail_request_outcome}, which are never changed. */
@Singleton
public class TrailRequestRepository {

    private static final String REQUEST_COLUMNS =
            "id, requested_at, subject_id, case_id, requester, purpose, period_from, period_to";

    private final JdbcOperations jdbc;

    public TrailRequestRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new request; its id. */
    public long insert(Instant at, String subjectId, String caseId, String requester, String purpose,
                       Instant from, Instant to) {
        return jdbc.prepareStatement("""
                INSERT INTO trail_request (requested_at, subject_id, case_id, requester, purpose, period_from, period_to)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setObject(1, utc(at));
            ps.setString(2, subjectId);
            ps.setString(3, caseId);
            ps.setString(4, requester);
            ps.setString(5, purpose);
            ps.setObject(6, utc(from));
            ps.setObject(7, utc(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records an outcome on request {@code requestId}. */
    public void insertOutcome(long requestId, Instant at, String decidedBy, TrailOutcome outcome, String note) {
        jdbc.prepareStatement("""
                INSERT INTO trail_request_outcome (request_id, decided_at, decided_by, outcome, note)
                VALUES (?, ?, ?, ?, ?)""", ps -> {
            ps.setLong(1, requestId);
            ps.setObject(2, utc(at));
            ps.setString(3, decidedBy);
            ps.setString(4, outcome.name());
            ps.setString(5, note);
            return ps.executeUpdate();
        });
    }

    /** Whether {@code caseId} is a case of {@code subjectId}. */
    public boolean isCaseOf(String caseId, String subjectId) {
        return jdbc.prepareStatement("SELECT 1 FROM breach_case WHERE case_id = ? AND subject_id = ?", ps -> {
            ps.setString(1, caseId);
            ps.setString(2, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** One request with its outcomes. */
    public Optional<TrailRequest> find(long requestId) {
        List<TrailRequest> found = requests("SELECT " + REQUEST_COLUMNS + " FROM trail_request WHERE id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                requestId, Long.MAX_VALUE, 1);
        return found.stream().findFirst();
    }

    /** A person's requests with their outcomes, newest first, from before the request {@code beforeId}. */
    public List<TrailRequest> newestFirst(String subjectId, long beforeId, int limit) {
        return requests("SELECT " + REQUEST_COLUMNS + " FROM trail_request WHERE subject_id = ? AND id < ?"
                + " ORDER BY id DESC LIMIT ?", subjectId, beforeId, limit);
    }

    private List<TrailRequest> requests(String sql, Object key, long beforeId, int limit) {
        Map<Long, ResultRow> rows = jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, key);
            ps.setLong(2, beforeId);
            ps.setInt(3, limit);
            Map<Long, ResultRow> read = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.put(rs.getLong("id"), ResultRow.of(rs));
                }
            }
            return read;
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TrailRequest.Outcome>> outcomes = jdbc.prepareStatement("""
                SELECT request_id, decided_at, decided_by, outcome, note FROM trail_request_outcome
                 WHERE request_id = ANY (?) ORDER BY id""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", rows.keySet().toArray()));
            Map<Long, List<TrailRequest.Outcome>> read = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.computeIfAbsent(rs.getLong("request_id"), k -> new ArrayList<>()).add(
                            new TrailRequest.Outcome(TrailOutcome.valueOf(rs.getString("outcome")), rs.getString("note"),
                                    rs.getString("decided_by"), instant(rs, "decided_at")));
                }
            }
            return read;
        });
        return rows.values().stream().map(r -> r.with(outcomes.getOrDefault(r.id, List.of()))).toList();
    }

    private record ResultRow(long id, Instant at, String subjectId, String caseId, String requester, String purpose,
                             Instant from, Instant to) {
        static ResultRow of(ResultSet rs) throws SQLException {
            return new ResultRow(rs.getLong("id"), instant(rs, "requested_at"), rs.getString("subject_id"),
                    rs.getString("case_id"), rs.getString("requester"), rs.getString("purpose"),
                    instant(rs, "period_from"), instant(rs, "period_to"));
        }

        TrailRequest with(List<TrailRequest.Outcome> outcomes) {
            return new TrailRequest(id, at, subjectId, caseId, requester, purpose, from, to, outcomes);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
