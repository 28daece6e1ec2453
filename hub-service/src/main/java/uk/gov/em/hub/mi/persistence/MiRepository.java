package uk.gov.em.hub.mi.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.mi.domain.MonthRange;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Stored (so accepted and de-duplicated) notifications by UTC month of occurredAt and catalogue code. */
    public record TypeCount(String month, String type, long count) {
    }

    /** Closed and withdrawn cases by UTC month of their end, queue and outcome (the closing action, or WITHDRAWN). */
    public record OutcomeCount(String month, String queue, String outcome, long count) {
    }

    /** How late one supplier reports: receivedAt − occurredAt in seconds, as percentiles. */
    public record Timeliness(String supplier, long notifications, double p50Seconds, double p90Seconds,
                             double p95Seconds, double p99Seconds, double maxSeconds) {
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
        String sql = "SELECT " + MONTH.formatted("status_changed_at") + ", queue, COALESCE(outcome, status), count(*)"
                + " FROM breach_case WHERE lane IN ('CLOSED', 'WITHDRAWN')"
                + " AND status_changed_at >= ? AND status_changed_at < ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
        return jdbc.prepareStatement(sql, ps -> {
            bindRange(ps, range, null);
            List<OutcomeCount> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutcomeCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
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
