package uk.gov.em.hub.mi.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.mi.app.MiQueries.OutcomeCount;
import uk.gov.em.hub.mi.app.MiQueries.ProsecutionRow;
import uk.gov.em.hub.mi.app.MiQueries.SafeguardingRow;
import uk.gov.em.hub.mi.app.MiQueries.SlaRow;
import uk.gov.em.hub.mi.app.MiQueries.Timeliness;
import uk.gov.em.hub.mi.app.MiQueries.TypeCount;
import uk.gov.em.hub.mi.domain.MonthRange;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The MI aggregates, each one grouped query that PostgreSQL answers from an index range. */
@Singleton
public class MiRepository {

    private static final String MONTH = "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM')";

    private final JdbcOperations jdbc;

    public MiRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public List<TypeCount> breachesByType(MonthRange range, String supplier) {
        String sql = "SELECT " + MONTH.formatted("occurred_at") + " AS month, type, count(*) FROM notification"
                + " WHERE occurred_at >= ? AND occurred_at < ?" + (supplier == null ? "" : " AND supplier = ?")
                + " GROUP BY 1, 2 ORDER BY 1, 2";
        return jdbc.prepareStatement(sql, ps -> {
            bindRange(ps, range, supplier);
            List<TypeCount> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TypeCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return rows;
        });
    }

    @ReadOnly
    public List<OutcomeCount> outcomes(MonthRange range) {
        String sql = "SELECT " + MONTH.formatted("status_changed_at") + ", queue, COALESCE(outcome, status), count(*),"
                + " outcome_detail FROM breach_case WHERE lane IN ('CLOSED', 'WITHDRAWN')"
                + " AND status_changed_at >= ? AND status_changed_at < ? GROUP BY 1, 2, 3, 5 ORDER BY 1, 2, 3, 5";
        return jdbc.prepareStatement(sql, ps -> {
            bindRange(ps, range, null);
            List<OutcomeCount> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutcomeCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5)));
                }
            }
            return rows;
        });
    }

    @ReadOnly
    public List<SlaRow> sla(MonthRange range, Instant now) {
        String sql = "SELECT " + MONTH.formatted("first_action_due_at") + ", queue,"
                + " count(*) FILTER (WHERE first_action_at <= first_action_due_at),"
                + " count(*) FILTER (WHERE first_action_at > first_action_due_at"
                + "   OR (first_action_at IS NULL AND first_action_due_at < ?)),"
                + " count(*) FILTER (WHERE lane = 'OPEN' AND due_at < ?)"
                + " FROM breach_case WHERE first_action_due_at >= ? AND first_action_due_at < ?"
                + " GROUP BY 1, 2 ORDER BY 1, 2";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            ps.setObject(2, now.atOffset(ZoneOffset.UTC));
            ps.setObject(3, range.start().atOffset(ZoneOffset.UTC));
            ps.setObject(4, range.endExclusive().atOffset(ZoneOffset.UTC));
            List<SlaRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long met = rs.getLong(3);
                    long missed = rs.getLong(4);
                    rows.add(new SlaRow(rs.getString(1), rs.getString(2), met, missed,
                            met + missed == 0 ? null : Math.round(1000.0 * met / (met + missed)) / 10.0, rs.getLong(5)));
                }
            }
            return rows;
        });
    }

    /**
     * Referrals, decisions and cases lost to the clock by month. A case is lost to the clock in the month
     * of its last day ({@code limit} after the offence, as an ISO-8601 period) when that day has passed
     * before {@code today} with no prosecution started: still unfinished and not charged, or decided
     * OUT_OF_TIME.
     */
    @ReadOnly
    public List<ProsecutionRow> prosecutions(MonthRange range, String limit, LocalDate today) {
        String lastDay = "((opened_at AT TIME ZONE 'UTC')::date + CAST(? AS interval))";
        String sql = """
                WITH events AS (
                    SELECT %1$s AS month, 1 AS referred, 0 AS decided, 0 AS lost FROM case_action a
                     WHERE a.action = 'REFERRED_FOR_PROSECUTION' AND a.at >= ? AND a.at < ?
                    UNION ALL
                    SELECT %1$s, 0, 1, 0 FROM case_action a
                     WHERE a.action = 'PROSECUTION_DECISION' AND a.at >= ? AND a.at < ?
                    UNION ALL
                    SELECT to_char(%2$s, 'YYYY-MM'), 0, 0, 1 FROM breach_case
                     WHERE (queue = 'prosecutions' OR referred_at IS NOT NULL)
                       AND %2$s < ? AND %2$s >= ? AND %2$s < ?
                       AND ((lane = 'OPEN' AND status <> 'CHARGED') OR outcome_detail = 'OUT_OF_TIME'))
                SELECT month, sum(referred), sum(decided), sum(lost) FROM events GROUP BY month ORDER BY month"""
                .formatted(MONTH.formatted("a.at"), lastDay);
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (int n = 0; n < 2; n++) {
                ps.setObject(i++, range.start().atOffset(ZoneOffset.UTC));
                ps.setObject(i++, range.endExclusive().atOffset(ZoneOffset.UTC));
            }
            ps.setString(i++, limit);
            for (int n = 0; n < 3; n++) {
                ps.setString(i++, limit);
                ps.setObject(i++, n == 0 ? today : n == 1 ? range.from().atDay(1) : range.to().plusMonths(1).atDay(1));
            }
            List<ProsecutionRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProsecutionRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return rows;
        });
    }

    /** Safeguarding referrals (outcome {@code null}) and outcomes (by outcome word) by UTC month of recording. */
    @ReadOnly
    public List<SafeguardingRow> safeguarding(MonthRange range) {
        String sql = "SELECT " + MONTH.formatted("at") + ", action, outcome, count(*) FROM case_action"
                + " WHERE action IN ('SAFEGUARDING_REFERRAL', 'SAFEGUARDING_OUTCOME') AND at >= ? AND at < ?"
                + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
        return jdbc.prepareStatement(sql, ps -> {
            bindRange(ps, range, null);
            List<SafeguardingRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SafeguardingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return rows;
        });
    }

    @ReadOnly
    public List<Timeliness> supplierTimeliness(MonthRange range) {
        String lateness = "extract(epoch FROM received_at - occurred_at)";
        String sql = "SELECT supplier, count(*), percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]) WITHIN GROUP (ORDER BY "
                + lateness + "), max(" + lateness + ") FROM notification"
                + " WHERE occurred_at >= ? AND occurred_at < ? GROUP BY supplier ORDER BY supplier";
        return jdbc.prepareStatement(sql, ps -> {
            bindRange(ps, range, null);
            List<Timeliness> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array array = rs.getArray(3);
                    Double[] p = (Double[]) array.getArray();
                    rows.add(new Timeliness(rs.getString(1), rs.getLong(2), p[0], p[1], p[2], p[3], rs.getDouble(4)));
                }
            }
            return rows;
        });
    }

    private static void bindRange(PreparedStatement ps, MonthRange range, String supplier) throws SQLException {
        ps.setObject(1, range.start().atOffset(ZoneOffset.UTC));
        ps.setObject(2, range.endExclusive().atOffset(ZoneOffset.UTC));
        if (supplier != null) {
            ps.setString(3, supplier);
        }
    }
}
