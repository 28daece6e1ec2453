package uk.gov.em.hub.mi.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import uk.gov.em.hub.cases.persistence.CaseRow;
import uk.gov.em.hub.mi.app.MiQueries.OutcomeCount;
import uk.gov.em.hub.mi.app.MiQueries.ProsecutionRow;
import uk.gov.em.hub.mi.app.MiQueries.SafeguardingRow;
import uk.gov.em.hub.mi.app.MiQueries.SlaRow;
import uk.gov.em.hub.mi.app.MiQueries.Timeliness;
import uk.gov.em.hub.mi.app.MiQueries.TypeCount;
import uk.gov.em.hub.mi.domain.MonthRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The MI aggregates on Micronaut Data JDBC, each one grouped {@code @Query} that PostgreSQL answers from an
 * index range; months are UTC ({@code to_char(... AT TIME ZONE 'UTC', 'YYYY-MM')}).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class MiRepository implements GenericRepository<CaseRow, String> {

    @ReadOnly
    public List<TypeCount> breachesByType(MonthRange range, String supplier) {
        return supplier == null ? breachesByType(range.start(), range.endExclusive())
                : breachesByTypeOf(range.start(), range.endExclusive(), supplier);
    }

    @Query("""
            SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, type, count(*) AS count
              FROM notification WHERE occurred_at >= :from AND occurred_at < :to
             GROUP BY 1, 2 ORDER BY 1, 2""")
    protected abstract List<TypeCount> breachesByType(Instant from, Instant to);

    @Query("""
            SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, type, count(*) AS count
              FROM notification WHERE occurred_at >= :from AND occurred_at < :to AND supplier = :supplier
             GROUP BY 1, 2 ORDER BY 1, 2""")
    protected abstract List<TypeCount> breachesByTypeOf(Instant from, Instant to, String supplier);

    @ReadOnly
    public List<OutcomeCount> outcomes(MonthRange range) {
        return outcomes(range.start(), range.endExclusive());
    }

    @Query("""
            SELECT to_char(status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, queue,
                   COALESCE(outcome, status) AS outcome, count(*) AS count, outcome_detail AS reason
              FROM breach_case WHERE lane IN ('CLOSED', 'WITHDRAWN')
               AND status_changed_at >= :from AND status_changed_at < :to
             GROUP BY 1, 2, 3, 5 ORDER BY 1, 2, 3, 5""")
    protected abstract List<OutcomeCount> outcomes(Instant from, Instant to);

    @ReadOnly
    public List<SlaRow> sla(MonthRange range, Instant now) {
        return slaCounts(range.start(), range.endExclusive(), now).stream().map(r -> new SlaRow(r.month(), r.queue(),
                r.met(), r.missed(), r.met() + r.missed() == 0 ? null
                : Math.round(1000.0 * r.met() / (r.met() + r.missed())) / 10.0, r.overdueNow())).toList();
    }

    @Query("""
            SELECT to_char(first_action_due_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, queue,
                   count(*) FILTER (WHERE first_action_at <= first_action_due_at) AS met,
                   count(*) FILTER (WHERE first_action_at > first_action_due_at
                                       OR (first_action_at IS NULL AND first_action_due_at < :now)) AS missed,
                   count(*) FILTER (WHERE lane = 'OPEN' AND due_at < :now) AS overdue_now
              FROM breach_case WHERE first_action_due_at >= :from AND first_action_due_at < :to
             GROUP BY 1, 2 ORDER BY 1, 2""")
    protected abstract List<SlaCounts> slaCounts(Instant from, Instant to, Instant now);

    /** One SLA row's counts, before the share met is worked out. */
    @Introspected
    protected record SlaCounts(String month, String queue, long met, long missed, long overdueNow) {
    }

    /**
     * Referrals, decisions and cases lost to the clock by month. A case is lost to the clock in the month
     * of its last day ({@code limit} after the offence, as an ISO-8601 period) when that day has passed
     * before {@code today} with no prosecution started: still unfinished and not charged, or decided
     * OUT_OF_TIME.
     */
    @ReadOnly
    public List<ProsecutionRow> prosecutions(MonthRange range, String limit, LocalDate today) {
        return prosecutions(range.start(), range.endExclusive(), limit, today, range.from().atDay(1),
                range.to().plusMonths(1).atDay(1));
    }

    @Query("""
            WITH events AS (
                SELECT to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, 1 AS referred, 0 AS decided, 0 AS lost
                  FROM case_action a
                 WHERE a.action = 'REFERRED_FOR_PROSECUTION' AND a.at >= :from AND a.at < :to
                UNION ALL
                SELECT to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM'), 0, 1, 0 FROM case_action a
                 WHERE a.action = 'PROSECUTION_DECISION' AND a.at >= :from AND a.at < :to
                UNION ALL
                SELECT to_char((opened_at AT TIME ZONE 'UTC')::date + CAST(:limit AS interval), 'YYYY-MM'), 0, 0, 1
                  FROM breach_case
                 WHERE (queue = 'prosecutions' OR referred_at IS NOT NULL)
                   AND (opened_at AT TIME ZONE 'UTC')::date + CAST(:limit AS interval) < :today
                   AND (opened_at AT TIME ZONE 'UTC')::date + CAST(:limit AS interval) >= :firstDay
                   AND (opened_at AT TIME ZONE 'UTC')::date + CAST(:limit AS interval) < :dayAfter
                   AND ((lane = 'OPEN' AND status <> 'CHARGED') OR outcome_detail = 'OUT_OF_TIME'))
            SELECT month, sum(referred) AS referred, sum(decided) AS decided, sum(lost) AS lost_to_clock
              FROM events GROUP BY month ORDER BY month""")
    protected abstract List<ProsecutionRow> prosecutions(Instant from, Instant to, String limit, LocalDate today,
                                                         LocalDate firstDay, LocalDate dayAfter);

    /** Safeguarding referrals (outcome {@code null}) and outcomes (by outcome word) by UTC month of recording. */
    @ReadOnly
    public List<SafeguardingRow> safeguarding(MonthRange range) {
        return safeguarding(range.start(), range.endExclusive());
    }

    @Query("""
            SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, action, outcome, count(*) AS count
              FROM case_action
             WHERE action IN ('SAFEGUARDING_REFERRAL', 'SAFEGUARDING_OUTCOME') AND at >= :from AND at < :to
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
    protected abstract List<SafeguardingRow> safeguarding(Instant from, Instant to);

    /** receivedAt − occurredAt percentiles by supplier (one sort per supplier: the four share it). */
    @ReadOnly
    public List<Timeliness> supplierTimeliness(MonthRange range) {
        return supplierTimeliness(range.start(), range.endExclusive());
    }

    @Query("""
            SELECT supplier, count(*) AS notifications,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at)) AS p50_seconds,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at)) AS p90_seconds,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at)) AS p95_seconds,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at)) AS p99_seconds,
                   max(extract(epoch FROM received_at - occurred_at)) AS max_seconds
              FROM notification WHERE occurred_at >= :from AND occurred_at < :to
             GROUP BY supplier ORDER BY supplier""")
    protected abstract List<Timeliness> supplierTimeliness(Instant from, Instant to);

}
