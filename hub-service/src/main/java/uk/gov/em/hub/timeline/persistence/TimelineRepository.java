package uk.gov.em.hub.timeline.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.timeline.domain.Timeline;
import uk.gov.em.hub.timeline.domain.TimelineEntry;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's EM history from the hub's tables in one query: accepted notifications (by event time),
 * ABVs (at T), cases raised, actions, and withdrawals, merged in time order by PostgreSQL.
 */
@Singleton
public class TimelineRepository {


    private static final String SQL = """
            SELECT at, kind, code, case_id, supplier, notification_id, actor, text FROM (
                SELECT occurred_at AS at, 'NOTIFICATION' AS kind, 0 AS rank, type AS code, NULL AS case_id,
                       supplier, notification_id, NULL AS actor,
                       CASE WHEN ended_at IS NULL THEN NULL ELSE 'ended ' || to_char(ended_at AT TIME ZONE 'UTC',
                            'YYYY-MM-DD"T"HH24:MI:SS"Z"') END AS text
                  FROM notification WHERE subject_id = ?
                UNION ALL
                SELECT opened_at, 'ABV', 1, trigger, case_id, NULL, NULL, NULL, explanation
                  FROM breach_case WHERE subject_id = ? AND trigger = 'ACCUMULATED_BATTERY_VIOLATION'
                UNION ALL
                SELECT raised_at, 'CASE_RAISED', 2, trigger, case_id, NULL, NULL, NULL, queue || ': ' || explanation
                  FROM breach_case WHERE subject_id = ?
                UNION ALL
                SELECT a.at, 'ACTION', 3, a.action, a.case_id, NULL, NULL, a.actor, a.note
                  FROM case_action a JOIN breach_case c ON c.case_id = a.case_id WHERE c.subject_id = ?
                UNION ALL
                SELECT withdrawn_at, 'CASE_WITHDRAWN', 4, trigger, case_id, NULL, NULL, NULL, withdrawal_reason
                  FROM breach_case WHERE subject_id = ? AND withdrawal_reason IS NOT NULL
            ) t
            ORDER BY at DESC, rank DESC, case_id DESC NULLS LAST, supplier DESC, notification_id DESC
            LIMIT ?""";

    private final JdbcOperations jdbc;
    private final int maxEntries;

    /** {@code maxEntries}: a generous cap, a person's whole history but never an unbounded answer. */
    public TimelineRepository(JdbcOperations jdbc, @Value("${hub.timeline.max-entries:20000}") int maxEntries) {
        this.jdbc = jdbc;
        this.maxEntries = maxEntries;
    }

    /** The newest {@code maxEntries} entries, oldest first; newest first in SQL so the cap drops the oldest. */
    @ReadOnly
    public Timeline of(String subjectId) {
        return jdbc.prepareStatement(SQL, ps -> {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, subjectId);
            }
            ps.setInt(6, maxEntries + 1);
            List<TimelineEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            TimelineEntry.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            boolean truncated = entries.size() > maxEntries;
            List<TimelineEntry> kept = truncated ? entries.subList(0, maxEntries) : entries;
            return new Timeline(kept.reversed(), truncated);
        });
    }
}
