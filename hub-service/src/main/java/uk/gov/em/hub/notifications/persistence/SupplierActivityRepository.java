package uk.gov.em.hub.notifications.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import uk.gov.em.hub.cases.persistence.CaseRow;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's receive time of each supplier's latest stored notification. The query walks the distinct
 * suppliers through the primary key and takes each one's latest receive time from
 * {@code notification_supplier_received}, so it reads a handful of index entries per supplier however
 * many notifications are stored (a plain {@code GROUP BY} would read them all).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class SupplierActivityRepository implements GenericRepository<CaseRow, String> {

    @ReadOnly
    public Map<String, Instant> lastReceivedBySupplier() {
        Map<String, Instant> latest = new HashMap<>();
        for (LastReceived row : latestPerSupplier()) {
            if (row.lastReceived() != null) {
                latest.put(row.supplier(), row.lastReceived());
            }
        }
        return latest;
    }

    @Query("""
            WITH RECURSIVE supplier_ids AS (
                (SELECT supplier FROM notification ORDER BY supplier LIMIT 1)
                UNION ALL
                SELECT (SELECT n.supplier FROM notification n WHERE n.supplier > s.supplier ORDER BY n.supplier LIMIT 1)
                FROM supplier_ids s WHERE s.supplier IS NOT NULL)
            SELECT s.supplier,
                   (SELECT max(n.received_at) FROM notification n WHERE n.supplier = s.supplier) AS last_received
            FROM supplier_ids s WHERE s.supplier IS NOT NULL""")
    protected abstract List<LastReceived> latestPerSupplier();

    /** One supplier's latest receive time as the query answers it. */
    @Introspected
    protected record LastReceived(String supplier, @Nullable Instant lastReceived) {
    }
}
