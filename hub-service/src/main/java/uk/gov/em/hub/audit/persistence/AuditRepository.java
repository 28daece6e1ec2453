package uk.gov.em.hub.audit.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.domain.CaseStateMismatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The append-only {@code audit_event} table. {@link #append} must run inside the transaction of the
 * change it records, so the change and its audit row commit or roll back together; it locks the chain's
 * head row, so concurrent appenders queue up and the chain never forks.
 */
@Singleton
public class AuditRepository {

    // Reserves a run of sequence numbers and takes the head's row lock until the transaction ends.
    private static final String LOCK_HEAD =
            "UPDATE audit_head SET last_seq = last_seq + ? RETURNING last_seq, last_hash";
    private static final String INSERT = """
            INSERT INTO audit_event (seq, at, actor, action, case_id, subject_id, detail, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String MOVE_HEAD = "UPDATE audit_head SET last_hash = ?";
    private static final String COLUMNS = "seq, at, actor, action, case_id, subject_id, detail, prev_hash, hash";
    // Each case's last audited transition (raised → OPEN, withdrawn → WITHDRAWN, an action → its "to", and the
    // action as outcome when it closed the case), joined to the case as stored; the first case that differs.
    private static final String FIRST_CASE_OFF_ITS_TRAIL = """
            WITH audited AS (
                SELECT DISTINCT ON (case_id) case_id, seq,
                       CASE WHEN action = 'CASE_RAISED' THEN 'OPEN'
                            WHEN action = 'CASE_WITHDRAWN' THEN 'WITHDRAWN'
                            ELSE detail::jsonb ->> 'to' END AS status,
                       CASE WHEN action LIKE 'ACTION\\_%' AND detail::jsonb ->> 'to' = 'CLOSED'
                            THEN substr(action, 8) END AS outcome
                  FROM audit_event
                 WHERE case_id IS NOT NULL
                   AND (action IN ('CASE_RAISED', 'CASE_WITHDRAWN') OR action LIKE 'ACTION\\_%')
                 ORDER BY case_id, seq DESC)
            SELECT c.case_id, c.status, c.outcome, a.seq, a.status AS audited_status, a.outcome AS audited_outcome
              FROM breach_case c LEFT JOIN audited a ON a.case_id = c.case_id
             WHERE a.case_id IS NULL OR c.status IS DISTINCT FROM a.status OR c.outcome IS DISTINCT FROM a.outcome
             ORDER BY a.seq NULLS FIRST, c.case_id
             LIMIT 1""";

    private final JdbcOperations jdbc;
    private final AuditChain chain;

    public AuditRepository(JdbcOperations jdbc, AuditChain chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** Appends entries in order on the current transaction's connection. */
    public void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Connection connection = jdbc.getConnection();
        try (PreparedStatement head = connection.prepareStatement(LOCK_HEAD);
             PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            long seq;
            String previous;
            head.setLong(1, entries.size());
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                seq = rs.getLong(1) - entries.size() + 1;
                previous = rs.getString(2);
            }
            for (AuditEntry entry : entries) {
                String hash = chain.hash(previous, seq, entry);
                int i = 1;
                insert.setLong(i++, seq);
                insert.setObject(i++, entry.at().atOffset(ZoneOffset.UTC));
                insert.setString(i++, entry.actor());
                insert.setString(i++, entry.action());
                insert.setString(i++, entry.caseId());
                insert.setString(i++, entry.subjectId());
                insert.setString(i++, entry.detail());
                insert.setString(i++, previous);
                insert.setString(i, hash);
                insert.addBatch();
                previous = hash;
                seq++;
            }
            insert.executeBatch();
            move.setString(1, previous);
            move.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit trail", e);
        }
    }

    public void append(AuditEntry entry) {
        append(List.of(entry));
    }

    /** The audit rows of one case, oldest first. */
    @ReadOnly
    public List<AuditChain.StoredRow> forCase(String caseId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM audit_event WHERE case_id = ? ORDER BY seq", ps -> {
            ps.setString(1, caseId);
            List<AuditChain.StoredRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        });
    }

    /** The chain's head now: its last row and that row's hash (empty while the trail is empty). */
    @ReadOnly
    public Optional<AuditChain.Checkpoint> head(Instant now) {
        return jdbc.prepareStatement("SELECT last_seq, last_hash FROM audit_head", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0
                        ? Optional.of(new AuditChain.Checkpoint(rs.getLong(1), rs.getString(2), now))
                        : Optional.<AuditChain.Checkpoint>empty();
            }
        });
    }

    /**
     * Verifies the whole chain, streaming the rows in sequence order, against the head published in
     * {@code checkpoint} when there is one; and, when the chain holds, that every case's status and outcome are
     * where its last audited transition left them.
     */
    @ReadOnly
    public AuditChain.Report verify(Optional<AuditChain.Checkpoint> checkpoint) {
        return verifyChain(checkpoint).and(firstCaseOffItsTrail());
    }

    private Optional<CaseStateMismatch> firstCaseOffItsTrail() {
        return jdbc.prepareStatement(FIRST_CASE_OFF_ITS_TRAIL, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<CaseStateMismatch>empty();
                }
                long seq = rs.getLong("seq");
                Long lastSeq = rs.wasNull() ? null : seq;
                return Optional.of(new CaseStateMismatch(rs.getString("case_id"), rs.getString("status"),
                        rs.getString("outcome"), lastSeq, rs.getString("audited_status"),
                        rs.getString("audited_outcome")));
            }
        });
    }

    private AuditChain.Report verifyChain(Optional<AuditChain.Checkpoint> checkpoint) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq", ps -> {
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                return chain.verify(new Iterator<>() {
                    private Boolean ahead;

                    @Override
                    public boolean hasNext() {
                        if (ahead == null) {
                            try {
                                ahead = rs.next();
                            } catch (SQLException e) {
                                throw new IllegalStateException("cannot read the audit trail", e);
                            }
                        }
                        return ahead;
                    }

                    @Override
                    public AuditChain.StoredRow next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        ahead = null;
                        try {
                            return read(rs);
                        } catch (SQLException e) {
                            throw new IllegalStateException("cannot read the audit trail", e);
                        }
                    }
                }, checkpoint);
            }
        });
    }

    private static AuditChain.StoredRow read(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        AuditEntry entry = new AuditEntry(at, rs.getString("actor"), rs.getString("action"),
                rs.getString("case_id"), rs.getString("subject_id"), rs.getString("detail"));
        return new AuditChain.StoredRow(rs.getLong("seq"), entry, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
