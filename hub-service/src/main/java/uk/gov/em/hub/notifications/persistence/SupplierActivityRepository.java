package uk.gov.em.hub.notifications.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's receive time of each supplier's latest stored notification. The query walks the distinct
 * suppliers through the primary key and takes each one's latest receive time from
 * {@code notification_supplier_received}, so it reads a handful of index entries per supplier however
 * many notifications are stored (a plain {@code GROUP BY} would read them all).
 */
@Singleton
public class SupplierActivityRepository {

    private static final String LATEST_PER_SUPPLIER = """
            WITH RECURSIVE supplier_ids AS (
                (SELECT supplier FROM notification ORDER BY supplier LIMIT 1)
                UNION ALL
                SELECT (SELECT n.supplier FROM notification n WHERE n.supplier > s.supplier ORDER BY n.supplier LIMIT 1)
                FROM supplier_ids s WHERE s.supplier IS NOT NULL)
            SELECT s.supplier,
                   (SELECT max(n.received_at) FROM notification n WHERE n.supplier = s.supplier) AS last_received
            FROM supplier_ids s WHERE s.supplier IS NOT NULL""";

    private final JdbcOperations jdbc;

    public SupplierActivityRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    public Map<String, Instant> lastReceivedBySupplier() {
        return jdbc.prepareStatement(LATEST_PER_SUPPLIER, ps -> {
            Map<String, Instant> latest = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject("last_received", OffsetDateTime.class);
                    if (at != null) {
                        latest.put(rs.getString("supplier"), at.toInstant());
                    }
                }
            }
            return latest;
        });
    }
}
