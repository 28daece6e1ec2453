package uk.gov.em.hub.cases.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.cases.domain.ActionDetails;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseProgress;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.NewestFirstKey;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.TimeTargets;
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
 * The {@code breach_case} table (and {@code case_action}), on Micronaut Data JDBC: each statement is a
 * {@code @Query} with named parameters, rows come back as {@link CaseRow}s and DTO records, and this class
 * turns them into the domain's types. Reads are keyset-paged in the orders the API offers, each served by
 * an index (V1, V3, V82); writes are idempotent so a redelivered Kafka record changes nothing.
 *
 * <p>Three paths stay hand-written on {@link JdbcOperations}: {@link #takeNext} (see there); the batched
 * ingest {@link Writer}, one JDBC batch per polled batch with a per-row "was it new" answer that a
 * {@code @Query} method cannot give, on which the hub's ingest rate depends (docs/benchmarks.md: the
 * hub/plain-insert ratio was 0.40 row by row, 0.48 and 0.68 batched); and {@link #newestFirst}, whose five
 * optional filters are added to the SQL only when given, so each combination keeps its index (its rows are
 * still mapped by Micronaut Data).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class CaseRepository implements GenericRepository<CaseRow, String> {

    /**
     * The head of a queue's open cases, earliest due first: a seek on the open-cases index
     * ({@code breach_case_open_by_due}, V82), read in its order.
     */
    public static final String OPEN_BY_DUE =
            "SELECT * FROM breach_case WHERE queue = :queue AND lane = 'OPEN' ORDER BY due_at, case_id LIMIT :limit";

    /**
     * Per queue, the open, unallocated and overdue counts with their oldest times: every column it reads is in
     * the open-cases index ({@code breach_case_open_by_due}, V82), so PostgreSQL can count from the index alone
     * rather than read every case's row (which one it does is the planner's choice, by the table's visibility map).
     */
    public static final String OPEN_DEPTHS = """
            SELECT queue, count(*) AS open, min(stored_at) AS oldest_stored_at,
                   count(*) FILTER (WHERE assignee IS NULL OR claim_expires_at <= :now) AS unallocated,
                   min(stored_at) FILTER (WHERE assignee IS NULL OR claim_expires_at <= :now)
                       AS oldest_unallocated_stored_at,
                   count(*) FILTER (WHERE due_at < :now) AS overdue,
                   min(due_at) FILTER (WHERE due_at < :now) AS oldest_overdue_due_at
              FROM breach_case WHERE lane = 'OPEN' GROUP BY queue""";

    /** For the rest of the transaction, no parallel workers. */
    private static final String ON_ONE_CORE = "SET LOCAL max_parallel_workers_per_gather = 0";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO breach_case (case_id, subject_id, queue, severity, harm_level, trigger, policy_version, rule_id,
                                     evidence, explanation, reason, opened_at, raised_at, stored_at, status,
                                     status_changed_at, due_at, first_action_due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, 'OPEN', ?, ?, ?)
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

    private final JdbcOperations jdbc;
    private final TimeTargets targets;

    protected CaseRepository(JdbcOperations jdbc, TimeTargets targets) {
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
        return lockRow(caseId).map(CaseRows::toDomain);
    }

    @Query("SELECT * FROM breach_case WHERE case_id = :caseId FOR UPDATE")
    protected abstract Optional<CaseRow> lockRow(String caseId);

    // The sub-select walks breach_case_queue_order in §8 order; a lapsed claim counts as free.
    private static final String TAKE_NEXT = """
            WITH next AS (
                SELECT case_id, assignee FROM breach_case
                 WHERE queue = ? AND lane = 'OPEN' AND (assignee IS NULL OR claim_expires_at <= ?)
                 ORDER BY severity_rank, harm_rank, opened_at, case_id
                 LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE breach_case c SET assignee = ?, claimed_at = ?, claim_expires_at = ?
              FROM next WHERE c.case_id = next.case_id
            RETURNING c.case_id, c.subject_id, next.assignee""";

    /**
     * Claims for {@code assignee} the first free case of {@code queue} in queue order (unfinished, nobody
     * holding a live claim at {@code now}: {@code ClaimRules.isFree}), in one statement: the sub-select
     * locks the row it picks and skips rows other transactions hold locked, so racing callers each get a
     * different case (or none) and never wait on one another. Empty when no case is free. Hand-written:
     * Micronaut Data 4 does not map the rows of an {@code UPDATE ... RETURNING} {@code @Query} onto a record
     * (it converts the first column only; micronaut-data issue 3942).
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

    /** Gives the case to {@code assignee} until {@code expiresAt}; the row must be locked. */
    @Query("UPDATE breach_case SET assignee = :assignee, claimed_at = :at, claim_expires_at = :expiresAt"
            + " WHERE case_id = :caseId")
    public abstract void claim(String caseId, String assignee, Instant at, Instant expiresAt);

    /** Returns the case to its queue; the row must be locked. */
    @Query("UPDATE breach_case SET assignee = NULL, claimed_at = NULL, claim_expires_at = NULL WHERE case_id = :caseId")
    public abstract void release(String caseId);

    /**
     * Records an action, the status it leads to and the case's progress after it (due date, deadlines,
     * attention); the row must be locked.
     */
    public void act(HubCase c, CaseAction action, ActionDetails details, String actor, String note, CaseStatus to,
                    CaseProgress progress, Instant at) {
        boolean closes = to == CaseStatus.CLOSED;
        afterAction(c.caseId(), to.name(), at, closes ? action.name() : null, closes ? at : null, progress.dueAt(),
                progress.firstActionAt(), progress.mitigationDueAt(), progress.referredAt(), name(progress.attention()),
                progress.attentionAt(), progress.outcomeDetail());
        insertAction(c.caseId(), action.name(), actor, note, c.status().name(), to.name(), at, details.outcome(),
                details.reason(), name(details.method()), details.reached(), name(details.party()), details.agency());
    }

    @Query("""
            UPDATE breach_case
               SET status = :to, status_changed_at = CASE WHEN status = :to THEN status_changed_at ELSE :at END,
                   last_action_at = :at, outcome = :outcome, closed_at = :closedAt,
                   due_at = :dueAt, first_action_at = :firstActionAt, mitigation_due_at = :mitigationDueAt,
                   referred_at = :referredAt, attention = :attention, attention_at = :attentionAt,
                   outcome_detail = :outcomeDetail
             WHERE case_id = :caseId""")
    protected abstract void afterAction(String caseId, String to, Instant at, @Nullable String outcome,
                                        @Nullable Instant closedAt, @Nullable Instant dueAt,
                                        @Nullable Instant firstActionAt, @Nullable Instant mitigationDueAt,
                                        @Nullable Instant referredAt, @Nullable String attention,
                                        @Nullable Instant attentionAt, @Nullable String outcomeDetail);

    @Query("""
            INSERT INTO case_action (case_id, action, actor, note, from_status, to_status, at,
                                     outcome, reason, method, reached, party, agency)
            VALUES (:caseId, :action, :actor, :note, :fromStatus, :toStatus, :at,
                    :outcome, :reason, :method, :reached, :party, :agency)""")
    protected abstract void insertAction(String caseId, String action, String actor, @Nullable String note,
                                         String fromStatus, String toStatus, Instant at, @Nullable String outcome,
                                         @Nullable String reason, @Nullable String method, @Nullable Boolean reached,
                                         @Nullable String party, @Nullable String agency);

    /** Sets a case's due date and attention flag without an action (a deadline passed, EM ended); the row must be locked. */
    public void updateProgress(String caseId, CaseProgress progress) {
        setProgress(caseId, progress.dueAt(), name(progress.attention()), progress.attentionAt());
    }

    @Query("UPDATE breach_case SET due_at = :dueAt, attention = :attention, attention_at = :attentionAt"
            + " WHERE case_id = :caseId")
    protected abstract void setProgress(String caseId, @Nullable Instant dueAt, @Nullable String attention,
                                        @Nullable Instant attentionAt);

    /** The actions taken on a case, oldest first. */
    @ReadOnly
    public List<ActionRecord> actions(String caseId) {
        return actionRows(caseId).stream().map(a -> new ActionRecord(CaseAction.valueOf(a.action()), a.actor(),
                a.note(), CaseStatus.valueOf(a.fromStatus()), CaseStatus.valueOf(a.toStatus()), a.at(),
                new ActionDetails(a.outcome(), a.reason(), a.method() == null ? null : ContactMethod.valueOf(a.method()),
                        a.reached(), a.party() == null ? null : NotifiedParty.valueOf(a.party()), a.agency())))
                .toList();
    }

    @Query("""
            SELECT action, actor, note, from_status, to_status, at, outcome, reason, method, reached, party, agency
              FROM case_action WHERE case_id = :caseId ORDER BY action_id""")
    protected abstract List<ActionRow> actionRows(String caseId);

    /** A row of {@code case_action} as read. */
    @Introspected
    protected record ActionRow(String action, String actor, @Nullable String note, String fromStatus,
                               String toStatus, Instant at, @Nullable String outcome, @Nullable String reason,
                               @Nullable String method, @Nullable Boolean reached, @Nullable String party,
                               @Nullable String agency) {
    }

    /** When warning letters were sent on any of the person's cases at or after {@code from}, oldest first. */
    @ReadOnly
    @Query("""
            SELECT a.at FROM case_action a JOIN breach_case c ON c.case_id = a.case_id
             WHERE c.subject_id = :subjectId AND a.action = 'WARNING_LETTER_SENT' AND a.at >= :from ORDER BY a.at""")
    public abstract List<Instant> warningsServed(String subjectId, Instant from);

    /** Unfinished cases with no due date yet (stored before time targets existed), at most {@code limit}. */
    @ReadOnly
    public List<HubCase> withoutDueDate(int limit) {
        return domain(withoutDueDateRows(limit));
    }

    @Query("SELECT * FROM breach_case WHERE lane = 'OPEN' AND due_at IS NULL ORDER BY case_id LIMIT :limit")
    protected abstract List<CaseRow> withoutDueDateRows(int limit);

    /** Sets a case's due date and first-action target; for cases stored before time targets existed. */
    @Transactional
    @Query("""
            UPDATE breach_case SET due_at = :dueAt, first_action_due_at = coalesce(first_action_due_at, :firstActionDueAt)
             WHERE case_id = :caseId AND due_at IS NULL""")
    public abstract void setDue(String caseId, Instant dueAt, Instant firstActionDueAt);

    /** People whose EM ended on or before {@code today} and who still have unfinished cases not flagged for it. */
    @ReadOnly
    @Query("""
            SELECT DISTINCT c.subject_id FROM breach_case c JOIN subject s ON s.subject_id = c.subject_id
             WHERE c.lane = 'OPEN' AND c.attention IS DISTINCT FROM 'EM_ENDED' AND s.em_end_date <= :today
             ORDER BY c.subject_id LIMIT :limit""")
    public abstract List<String> subjectsWithOpenCasesAfterEmEnd(LocalDate today, int limit);

    /** True when the person has an unfinished case in the reviews queue. */
    @ReadOnly
    @Query("SELECT EXISTS (SELECT 1 FROM breach_case WHERE subject_id = :subjectId AND queue = 'reviews'"
            + " AND lane = 'OPEN')")
    public abstract boolean hasOpenReview(String subjectId);

    /** Warning letters whose mitigation deadline passed by {@code now} with no reply and no flag yet. */
    @ReadOnly
    @Query("""
            SELECT case_id FROM breach_case
             WHERE lane = 'OPEN' AND status = 'WARNING_SENT' AND attention IS NULL AND mitigation_due_at <= :now
             ORDER BY due_at NULLS FIRST, case_id LIMIT :limit""")
    public abstract List<String> mitigationLapsed(Instant now, int limit);

    /** Unfinished cases of a person not yet flagged for attention because their EM ended. */
    @ReadOnly
    @Query("""
            SELECT case_id FROM breach_case WHERE lane = 'OPEN' AND subject_id = :subjectId
               AND attention IS DISTINCT FROM 'EM_ENDED' ORDER BY case_id LIMIT :limit""")
    public abstract List<String> openCasesToFlagForEmEnd(String subjectId, int limit);

    @ReadOnly
    public Optional<HubCase> findById(String caseId) {
        return findRow(caseId).map(CaseRows::toDomain);
    }

    @Query("SELECT * FROM breach_case WHERE case_id = :caseId")
    protected abstract Optional<CaseRow> findRow(String caseId);

    /**
     * Up to {@code limit} cases of one queue in one status in queue order, starting after {@code after}
     * (or from the head when it is {@code null}).
     */
    @ReadOnly
    public List<HubCase> queue(Queue queue, CaseStatus status, QueueOrderKey after, int limit) {
        return domain(after == null ? queueHead(queue.path(), status.name(), limit)
                : queueAfter(queue.path(), status.name(), after.severityRank(), after.harmRank(), after.openedAt(),
                        after.caseId(), limit));
    }

    @Query("""
            SELECT * FROM breach_case WHERE queue = :queue AND lane = :lane
             ORDER BY severity_rank, harm_rank, opened_at, case_id LIMIT :limit""")
    protected abstract List<CaseRow> queueHead(String queue, String lane, int limit);

    @Query("""
            SELECT * FROM breach_case WHERE queue = :queue AND lane = :lane
               AND (severity_rank, harm_rank, opened_at, case_id) > (:severityRank, :harmRank, :openedAt, :caseId)
             ORDER BY severity_rank, harm_rank, opened_at, case_id LIMIT :limit""")
    protected abstract List<CaseRow> queueAfter(String queue, String lane, int severityRank, int harmRank,
                                                Instant openedAt, String caseId, int limit);

    /**
     * Up to {@code limit} unfinished cases of one queue, earliest due first, starting after {@code after}
     * (or from the head when it is {@code null}).
     */
    @ReadOnly
    public List<HubCase> queueByDue(Queue queue, DueOrderKey after, int limit) {
        return domain(after == null ? queueByDueHead(queue.path(), limit)
                : queueByDueAfter(queue.path(), after.dueAt(), after.caseId(), limit));
    }

    @Query(OPEN_BY_DUE)
    protected abstract List<CaseRow> queueByDueHead(String queue, int limit);

    @Query("""
            SELECT * FROM breach_case WHERE queue = :queue AND lane = 'OPEN' AND (due_at, case_id) > (:dueAt, :caseId)
             ORDER BY due_at, case_id LIMIT :limit""")
    protected abstract List<CaseRow> queueByDueAfter(String queue, Instant dueAt, String caseId, int limit);

    /** Up to {@code limit} cases matching the filter, newest raised first, starting after {@code after}. */
    @ReadOnly
    public List<HubCase> newestFirst(CaseListFilter filter, NewestFirstKey after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM breach_case WHERE TRUE");
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
            try (ResultSet rs = ps.executeQuery()) {
                return domain(jdbc.entityStream(rs, CaseRow.class).toList());
            }
        });
    }

    /**
     * Per queue: open cases, the oldest open case's store time, unallocated cases (nobody holds a live
     * claim at {@code now}), the oldest unallocated case's store time, overdue cases and the earliest due
     * date that passed (for gauges, the backlog MI and the SLA MI).
     *
     * <p>It reads every open case, so it runs on one core: a parallel plan took three, every 15 s, from the feeds
     * and the queue pages (docs/benchmarks.md, "End-to-end latency").
     */
    @ReadOnly
    public Map<Queue, QueueDepth> openDepths(Instant now) {
        jdbc.prepareStatement(ON_ONE_CORE, PreparedStatement::execute);
        Map<Queue, QueueDepth> depths = new EnumMap<>(Queue.class);
        for (DepthRow d : depthRows(now)) {
            Queue.fromPath(d.queue()).ifPresent(queue -> depths.put(queue, new QueueDepth(d.open(),
                    d.oldestStoredAt(), d.unallocated(), d.oldestUnallocatedStoredAt(), d.overdue(),
                    d.oldestOverdueDueAt())));
        }
        return depths;
    }

    @Query(OPEN_DEPTHS)
    protected abstract List<DepthRow> depthRows(Instant now);

    /** One queue's depths as the query answers them. */
    @Introspected
    protected record DepthRow(String queue, long open, @Nullable Instant oldestStoredAt, long unallocated,
                              @Nullable Instant oldestUnallocatedStoredAt, long overdue,
                              @Nullable Instant oldestOverdueDueAt) {
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

    private static List<HubCase> domain(List<CaseRow> rows) {
        return rows.stream().map(CaseRows::toDomain).toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
                    insert.setString(i++, c.reason() == null ? null : Json.toText(c.reason()));
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
