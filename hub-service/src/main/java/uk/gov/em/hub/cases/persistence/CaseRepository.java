package uk.gov.em.hub.cases.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.cases.domain.ActionDetails;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseProgress;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.TimeTargets;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.NewestFirstKey;
import uk.gov.em.hub.queue.domain.DueOrderKey;
import uk.gov.em.hub.queue.domain.QueueOrderKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code breach_case} table. Writes are idempotent so a redelivered Kafka record changes nothing;
 * reads are keyset-paged in the two orders the API offers, each served by an index (see V1__cases.sql).
 * Hand-written SQL because the writes need {@code ON CONFLICT} and {@code jsonb}, and the reads need
 * row-value comparisons that derived queries cannot express.
 */
@Singleton
public class CaseRepository {

    private static final String COLUMNS = """
            case_id, subject_id, queue, severity, harm_level, trigger, policy_version, rule_id, evidence::text AS evidence,
            explanation, opened_at, raised_at, stored_at, status, status_changed_at, assignee,
            withdrawal_reason, withdrawn_at, replaced_by, withdrawal_policy_version,
            claim_expires_at, last_action_at, outcome, closed_at, withdrawal_flagged,
            due_at, first_action_due_at, first_action_at, mitigation_due_at, referred_at, attention, attention_at,
            outcome_detail""";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO breach_case (case_id, subject_id, queue, severity, harm_level, trigger, policy_version, rule_id,
                                     evidence, explanation, opened_at, raised_at, stored_at, status, status_changed_at,
                                     due_at, first_action_due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, 'OPEN', ?, ?, ?)
            ON CONFLICT (case_id) DO NOTHING""";

    // A case nobody has started on leaves its queue WITHDRAWN; one already being worked (a stage beyond
    // OPEN, an action, or a live claim) stays with its assignee, flagged. SET sees the row's old values.
    private static final String WORKED = "(status <> 'OPEN' OR last_action_at IS NOT NULL"
            + " OR (assignee IS NOT NULL AND claim_expires_at > ?))";
    private static final String WITHDRAW = """
            UPDATE breach_case
               SET status = CASE WHEN %1$s THEN status ELSE 'WITHDRAWN' END,
                   status_changed_at = CASE WHEN %1$s THEN status_changed_at ELSE ? END,
                   withdrawal_flagged = %1$s,
                   withdrawal_reason = ?, withdrawn_at = ?, replaced_by = ?, withdrawal_policy_version = ?
             WHERE case_id = ? AND lane = 'OPEN' AND withdrawal_reason IS NULL
            RETURNING withdrawal_flagged, subject_id""".formatted(WORKED);

    private static final String CLAIM = """
            UPDATE breach_case SET assignee = ?, claimed_at = ?, claim_expires_at = ? WHERE case_id = ?""";
    // the sub-select walks breach_case_queue_order in §8 order; a lapsed claim counts as free
    private static final String TAKE_NEXT = """
            WITH next AS (
                SELECT case_id, assignee FROM breach_case
                 WHERE queue = ? AND lane = 'OPEN' AND (assignee IS NULL OR claim_expires_at <= ?)
                 ORDER BY severity_rank, harm_rank, opened_at, case_id
                 LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE breach_case c SET assignee = ?, claimed_at = ?, claim_expires_at = ?
              FROM next WHERE c.case_id = next.case_id
            RETURNING c.case_id, c.subject_id, next.assignee""";
    private static final String RELEASE = """
            UPDATE breach_case SET assignee = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE case_id = ?""";
    private static final String ACT = """
            UPDATE breach_case
               SET status = ?, status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END,
                   last_action_at = ?, outcome = ?, closed_at = ?,
                   due_at = ?, first_action_at = ?, mitigation_due_at = ?, referred_at = ?, attention = ?,
                   attention_at = ?, outcome_detail = ?
             WHERE case_id = ?""";
    private static final String INSERT_ACTION = """
            INSERT INTO case_action (case_id, action, actor, note, from_status, to_status, at,
                                     outcome, reason, method, reached, party, agency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String PROGRESS = """
            UPDATE breach_case SET due_at = ?, attention = ?, attention_at = ? WHERE case_id = ?""";

    private final JdbcOperations jdbc;
    private final TimeTargets targets;

    public CaseRepository(JdbcOperations jdbc, TimeTargets targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    /**
     * Applies raised cases and withdrawals in order on the current transaction's connection, reusing one
     * statement of each kind.
     */
    public Writer writer() {
        return new Writer(jdbc.getConnection(), targets);
    }

    /** Reads a case and locks its row until the current transaction ends: claims and actions queue up here. */
    public Optional<HubCase> lockById(String caseId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM breach_case WHERE case_id = ? FOR UPDATE", ps -> {
            ps.setString(1, caseId);
            return readAll(ps).stream().findFirst();
        });
    }

    /** Gives the case to {@code assignee} until {@code expiresAt}; the row must be locked. */
    public void claim(String caseId, String assignee, Instant at, Instant expiresAt) {
        jdbc.prepareStatement(CLAIM, ps -> {
            ps.setString(1, assignee);
            ps.setObject(2, utc(at));
            ps.setObject(3, utc(expiresAt));
            ps.setString(4, caseId);
            return ps.executeUpdate();
        });
    }

    /**
     * Claims for {@code assignee} the first free case of {@code queue} in queue order (unfinished, nobody
     * holding a live claim at {@code now}: {@code ClaimRules.isFree}), in one statement: the sub-select
     * locks the row it picks and skips rows other transactions hold locked, so racing callers each get a
     * different case (or none) and never wait on one another. Empty when no case is free.
     */
    public Optional<Taken> takeNext(Queue queue, String assignee, Instant now, Instant expiresAt) {
        return jdbc.prepareStatement(TAKE_NEXT, ps -> {
            ps.setString(1, queue.path());
            ps.setObject(2, utc(now));
            ps.setString(3, assignee);
            ps.setObject(4, utc(now));
            ps.setObject(5, utc(expiresAt));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Taken(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.<Taken>empty();
            }
        });
    }

    /** The case "take the next case" claimed, and who held it before if their claim had lapsed. */
    public record Taken(String caseId, String subjectId, String previousAssignee) {
    }

    /** Returns the case to its queue; the row must be locked. */
    public void release(String caseId) {
        jdbc.prepareStatement(RELEASE, ps -> {
            ps.setString(1, caseId);
            return ps.executeUpdate();
        });
    }

    /**
     * Records an action, the status it leads to and the case's progress after it (due date, deadlines,
     * attention); the row must be locked.
     */
    public void act(HubCase c, CaseAction action, ActionDetails details, String actor, String note, CaseStatus to,
                    CaseProgress progress, Instant at) {
        boolean closes = to == CaseStatus.CLOSED;
        jdbc.prepareStatement(ACT, ps -> {
            int i = 1;
            ps.setString(i++, to.name());
            ps.setString(i++, to.name());
            ps.setObject(i++, utc(at));
            ps.setObject(i++, utc(at));
            ps.setString(i++, closes ? action.name() : null);
            ps.setObject(i++, closes ? utc(at) : null);
            ps.setObject(i++, utc(progress.dueAt()));
            ps.setObject(i++, utc(progress.firstActionAt()));
            ps.setObject(i++, utc(progress.mitigationDueAt()));
            ps.setObject(i++, utc(progress.referredAt()));
            ps.setString(i++, progress.attention() == null ? null : progress.attention().name());
            ps.setObject(i++, utc(progress.attentionAt()));
            ps.setString(i++, progress.outcomeDetail());
            ps.setString(i, c.caseId());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(INSERT_ACTION, ps -> {
            int i = 1;
            ps.setString(i++, c.caseId());
            ps.setString(i++, action.name());
            ps.setString(i++, actor);
            ps.setString(i++, note);
            ps.setString(i++, c.status().name());
            ps.setString(i++, to.name());
            ps.setObject(i++, utc(at));
            ps.setString(i++, details.outcome());
            ps.setString(i++, details.reason());
            ps.setString(i++, details.method() == null ? null : details.method().name());
            ps.setObject(i++, details.reached());
            ps.setString(i++, details.party() == null ? null : details.party().name());
            ps.setString(i, details.agency());
            return ps.executeUpdate();
        });
    }

    /** Sets a case's due date and attention flag without an action (a deadline passed, EM ended); the row must be locked. */
    public void updateProgress(String caseId, CaseProgress progress) {
        jdbc.prepareStatement(PROGRESS, ps -> {
            ps.setObject(1, utc(progress.dueAt()));
            ps.setString(2, progress.attention() == null ? null : progress.attention().name());
            ps.setObject(3, utc(progress.attentionAt()));
            ps.setString(4, caseId);
            return ps.executeUpdate();
        });
    }

    /** The actions taken on a case, oldest first. */
    @ReadOnly
    public List<ActionRecord> actions(String caseId) {
        String sql = "SELECT action, actor, note, from_status, to_status, at, outcome, reason, method, reached, party,"
                + " agency FROM case_action WHERE case_id = ? ORDER BY action_id";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, caseId);
            List<ActionRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String method = rs.getString(9);
                    String party = rs.getString(11);
                    ActionDetails details = new ActionDetails(rs.getString(7), rs.getString(8),
                            method == null ? null : ContactMethod.valueOf(method), rs.getObject(10, Boolean.class),
                            party == null ? null : NotifiedParty.valueOf(party), rs.getString(12));
                    rows.add(new ActionRecord(CaseAction.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            CaseStatus.valueOf(rs.getString(4)), CaseStatus.valueOf(rs.getString(5)), instant(rs, 6),
                            details));
                }
            }
            return rows;
        });
    }

    /** When warning letters were sent on any of the person's cases at or after {@code from}, oldest first. */
    @ReadOnly
    public List<Instant> warningsServed(String subjectId, Instant from) {
        String sql = """
                SELECT a.at FROM case_action a JOIN breach_case c ON c.case_id = a.case_id
                 WHERE c.subject_id = ? AND a.action = 'WARNING_LETTER_SENT' AND a.at >= ? ORDER BY a.at""";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, subjectId);
            ps.setObject(2, utc(from));
            List<Instant> at = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    at.add(instant(rs, 1));
                }
            }
            return at;
        });
    }

    /**
     * Ids of unfinished cases matching {@code condition} (SQL over breach_case with one timestamp
     * parameter), earliest due first, at most {@code limit}.
     */
    private List<String> ids(String condition, Instant at, int limit) {
        return strings("SELECT case_id FROM breach_case WHERE lane = 'OPEN' AND " + condition
                + " ORDER BY due_at NULLS FIRST, case_id LIMIT ?", utc(at), limit);
    }

    /** The first column of a query's rows; its two parameters are {@code first} and then {@code limit}. */
    private List<String> strings(String sql, Object first, int limit) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, first);
            ps.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Unfinished cases with no due date yet (stored before time targets existed), at most {@code limit}. */
    @ReadOnly
    public List<HubCase> withoutDueDate(int limit) {
        String sql = "SELECT " + COLUMNS + " FROM breach_case WHERE lane = 'OPEN' AND due_at IS NULL"
                + " ORDER BY case_id LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setInt(1, limit);
            return readAll(ps);
        });
    }

    /** Sets a case's due date and first-action target; for cases stored before time targets existed. */
    @Transactional
    public void setDue(String caseId, Instant dueAt, Instant firstActionDueAt) {
        jdbc.prepareStatement("UPDATE breach_case SET due_at = ?, first_action_due_at = coalesce(first_action_due_at, ?)"
                + " WHERE case_id = ? AND due_at IS NULL", ps -> {
            ps.setObject(1, utc(dueAt));
            ps.setObject(2, utc(firstActionDueAt));
            ps.setString(3, caseId);
            return ps.executeUpdate();
        });
    }

    /** People whose EM ended on or before {@code today} and who still have unfinished cases not flagged for it. */
    @ReadOnly
    public List<String> subjectsWithOpenCasesAfterEmEnd(LocalDate today, int limit) {
        String sql = """
                SELECT DISTINCT c.subject_id FROM breach_case c JOIN subject s ON s.subject_id = c.subject_id
                 WHERE c.lane = 'OPEN' AND c.attention IS DISTINCT FROM 'EM_ENDED' AND s.em_end_date <= ?
                 ORDER BY c.subject_id LIMIT ?""";
        return strings(sql, today, limit);
    }

    /** True when the person has an unfinished case in the reviews queue. */
    @ReadOnly
    public boolean hasOpenReview(String subjectId) {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM breach_case WHERE subject_id = ? AND queue = 'reviews'"
                + " AND lane = 'OPEN')", ps -> {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Warning letters whose mitigation deadline passed by {@code now} with no reply and no flag yet. */
    @ReadOnly
    public List<String> mitigationLapsed(Instant now, int limit) {
        return ids("status = 'WARNING_SENT' AND attention IS NULL AND mitigation_due_at <= ?", now, limit);
    }

    /** Unfinished cases of a person not yet flagged for attention because their EM ended. */
    @ReadOnly
    public List<String> openCasesToFlagForEmEnd(String subjectId, int limit) {
        String sql = "SELECT case_id FROM breach_case WHERE lane = 'OPEN' AND subject_id = ?"
                + " AND attention IS DISTINCT FROM 'EM_ENDED' ORDER BY case_id LIMIT ?";
        return strings(sql, subjectId, limit);
    }

    @ReadOnly
    public Optional<HubCase> findById(String caseId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM breach_case WHERE case_id = ?", ps -> {
            ps.setString(1, caseId);
            List<HubCase> rows = readAll(ps);
            return rows.stream().findFirst();
        });
    }

    /**
     * Up to {@code limit} cases of one queue in one status in queue order, starting after {@code after}
     * (or from the head when it is {@code null}).
     */
    @ReadOnly
    public List<HubCase> queue(Queue queue, CaseStatus status, QueueOrderKey after, int limit) {
        String seek = after == null ? "" : " AND (severity_rank, harm_rank, opened_at, case_id) > (?, ?, ?, ?)";
        String sql = "SELECT " + COLUMNS + " FROM breach_case WHERE queue = ? AND lane = ?" + seek
                + " ORDER BY severity_rank, harm_rank, opened_at, case_id LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, queue.path());
            ps.setString(i++, status.name());
            if (after != null) {
                ps.setInt(i++, after.severityRank());
                ps.setInt(i++, after.harmRank());
                ps.setObject(i++, utc(after.openedAt()));
                ps.setString(i++, after.caseId());
            }
            ps.setInt(i, limit);
            return readAll(ps);
        });
    }

    /**
     * Up to {@code limit} unfinished cases of one queue, earliest due first, starting after {@code after}
     * (or from the head when it is {@code null}).
     */
    @ReadOnly
    public List<HubCase> queueByDue(Queue queue, DueOrderKey after, int limit) {
        String seek = after == null ? "" : " AND (due_at, case_id) > (?, ?)";
        String sql = "SELECT " + COLUMNS + " FROM breach_case WHERE queue = ? AND lane = 'OPEN'" + seek
                + " ORDER BY due_at, case_id LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            ps.setString(i++, queue.path());
            if (after != null) {
                ps.setObject(i++, utc(after.dueAt()));
                ps.setString(i++, after.caseId());
            }
            ps.setInt(i, limit);
            return readAll(ps);
        });
    }

    /** Up to {@code limit} cases matching the filter, newest raised first, starting after {@code after}. */
    @ReadOnly
    public List<HubCase> newestFirst(CaseListFilter filter, NewestFirstKey after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM breach_case WHERE TRUE");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "subject_id = ?", filter.subjectId());
        condition(sql, args, "queue = ?", filter.queue() == null ? null : filter.queue().path());
        condition(sql, args, "lane = ?", filter.status() == null ? null : filter.status().name());
        condition(sql, args, "trigger = ?", filter.trigger());
        condition(sql, args, "assignee = ? AND claim_expires_at > now()", filter.assignee());
        if (after != null) {
            sql.append(" AND (raised_at, case_id) < (?, ?)");
            args.add(utc(after.raisedAt()));
            args.add(after.caseId());
        }
        sql.append(" ORDER BY raised_at DESC, case_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return readAll(ps);
        });
    }

    /**
     * Per queue: open cases, the oldest open case's store time, unallocated cases (nobody holds a live
     * claim at {@code now}), the oldest unallocated case's store time, overdue cases and the earliest due
     * date that passed (for gauges, the backlog MI and the SLA MI).
     */
    @ReadOnly
    public Map<Queue, QueueDepth> openDepths(Instant now) {
        String sql = """
                SELECT queue, count(*), min(stored_at),
                       count(*) FILTER (WHERE %1$s),
                       min(stored_at) FILTER (WHERE %1$s),
                       count(*) FILTER (WHERE due_at < ?),
                       min(due_at) FILTER (WHERE due_at < ?)
                  FROM breach_case WHERE lane = 'OPEN' GROUP BY queue""".formatted(
                "assignee IS NULL OR claim_expires_at <= ?");
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 1; i <= 4; i++) {
                ps.setObject(i, utc(now));
            }
            Map<Queue, QueueDepth> depths = new EnumMap<>(Queue.class);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Queue> queue = Queue.fromPath(rs.getString(1));
                    if (queue.isPresent()) {
                        depths.put(queue.get(), new QueueDepth(rs.getLong(2), instant(rs, 3), rs.getLong(4),
                                instant(rs, 5), rs.getLong(6), instant(rs, 7)));
                    }
                }
            }
            return depths;
        });
    }

    /**
     * How many cases a queue holds open, unallocated and overdue, since when the oldest open and
     * unallocated case has waited, and the earliest due date that passed.
     */
    public record QueueDepth(long open, Instant oldestStoredAt, long unallocated, Instant oldestUnallocatedStoredAt,
                             long overdue, Instant oldestOverdueDueAt) {

        public static final QueueDepth EMPTY = new QueueDepth(0, null, 0, null, 0, null);
    }

    /** One action as recorded. */
    public record ActionRecord(CaseAction action, String actor, String note, CaseStatus from, CaseStatus to,
                               Instant at, ActionDetails details) {
    }

    /** What a withdrawal did to a case. */
    public record WithdrawalResult(String subjectId, boolean flagged) {
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    private static List<HubCase> readAll(PreparedStatement ps) throws SQLException {
        List<HubCase> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(CaseRows.read(rs));
            }
        }
        return rows;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Writes one polled batch's events through two prepared statements on the transaction's connection.
     * Not thread-safe; lives for one batch.
     */
    public static final class Writer implements AutoCloseable {

        private final PreparedStatement insert;
        private final PreparedStatement withdraw;
        private final TimeTargets targets;

        private Writer(Connection connection, TimeTargets targets) {
            this.targets = targets;
            try {
                this.insert = connection.prepareStatement(INSERT_IF_ABSENT);
                this.withdraw = connection.prepareStatement(WITHDRAW);
            } catch (SQLException e) {
                throw new CaseStoreException("cannot prepare case statements", e);
            }
        }

        /** Stores a raised case unless one with its id exists; true when it was new. */
        public boolean insertIfAbsent(BreachCase c, Instant storedAt) {
            return insertAllIfAbsent(List.of(c), storedAt)[0];
        }

        /**
         * Stores raised cases in one JDBC batch (one round trip), each unless its id exists; for each,
         * true when it was new. A case id repeated within the batch is new only the first time.
         */
        public boolean[] insertAllIfAbsent(List<BreachCase> batch, Instant storedAt) {
            try {
                for (BreachCase c : batch) {
                    int i = 1;
                    insert.setString(i++, c.caseId());
                    insert.setString(i++, c.subjectId());
                    insert.setString(i++, c.queue().path());
                    insert.setString(i++, c.severity().name());
                    insert.setString(i++, c.harmLevel() == null ? null : c.harmLevel().name());
                    insert.setString(i++, c.trigger());
                    insert.setString(i++, c.policyVersion());
                    insert.setString(i++, c.ruleId());
                    insert.setString(i++, c.evidence() == null ? "{}" : Json.toText(c.evidence()));
                    insert.setString(i++, c.explanation());
                    insert.setObject(i++, utc(c.openedAt()));
                    insert.setObject(i++, utc(c.raisedAt()));
                    insert.setObject(i++, utc(storedAt));
                    insert.setObject(i++, utc(storedAt));
                    Instant due = targets.firstActionDue(c.queue(), c.raisedAt(), c.openedAt());
                    insert.setObject(i++, utc(due));
                    insert.setObject(i, utc(due));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                boolean[] fresh = new boolean[counts.length];
                for (int n = 0; n < counts.length; n++) {
                    fresh[n] = counts[n] == 1;
                }
                return fresh;
            } catch (SQLException e) {
                throw new CaseStoreException("cannot store " + batch.size() + " cases from " + batch.getFirst().caseId(), e);
            }
        }

        /**
         * Withdraws a case still in its queue: WITHDRAWN if nobody has started on it, otherwise flagged
         * to its assignee. Empty when it changed nothing (unknown, finished, or already withdrawn).
         */
        public Optional<WithdrawalResult> withdraw(CaseWithdrawal w, Instant at) {
            try {
                int i = 1;
                for (int n = 0; n < 4; n++) {
                    withdraw.setObject(i++, utc(at));
                }
                withdraw.setString(i++, w.reason());
                withdraw.setObject(i++, utc(w.withdrawnAt()));
                withdraw.setString(i++, w.replacedBy());
                withdraw.setString(i++, w.policyVersion());
                withdraw.setString(i, w.caseId());
                try (ResultSet rs = withdraw.executeQuery()) {
                    return rs.next() ? Optional.of(new WithdrawalResult(rs.getString(2), rs.getBoolean(1)))
                            : Optional.empty();
                }
            } catch (SQLException e) {
                throw new CaseStoreException("cannot withdraw case " + w.caseId(), e);
            }
        }

        @Override
        public void close() {
            try (insert; withdraw) {
                // both closed by try-with-resources
            } catch (SQLException e) {
                throw new CaseStoreException("cannot close case statements", e);
            }
        }
    }
}
