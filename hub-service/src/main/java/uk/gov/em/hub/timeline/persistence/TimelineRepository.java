package uk.gov.em.hub.timeline.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import uk.gov.em.hub.cases.persistence.CaseRow;
import uk.gov.em.hub.timeline.domain.Timeline;
import uk.gov.em.hub.timeline.domain.TimelineEntry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A person's EM history from the hub's tables in one query: accepted notifications (by event time),
 * ABVs (at T), cases raised, actions, and withdrawals, merged in time order by PostgreSQL.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class TimelineRepository implements GenericRepository<CaseRow, String> {

    private static final DateTimeFormatter ENDED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final int maxEntries;

    /** {@code maxEntries}: a generous cap, a person's whole history but never an unbounded answer. */
    protected TimelineRepository(@Value("${hub.timeline.max-entries:20000}") int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The newest {@code maxEntries} entries, oldest first; newest first in SQL so the cap drops the oldest. */
    @ReadOnly
    public Timeline of(String subjectId) {
        List<TimelineEntry> entries = newestFirst(subjectId, maxEntries + 1).stream()
                .map(r -> new TimelineEntry(r.at(), TimelineEntry.Kind.valueOf(r.kind()), r.code(), r.caseId(),
                        r.supplier(), r.notificationId(), r.actor(),
                        r.endedAt() != null ? "ended " + ENDED.format(r.endedAt()) : r.text()))
                .toList();
        boolean truncated = entries.size() > maxEntries;
        List<TimelineEntry> kept = truncated ? entries.subList(0, maxEntries) : entries;
        return new Timeline(kept.reversed(), truncated);
    }

    @Query("""
            SELECT at, kind, code, case_id, supplier, notification_id, actor, text, ended_at FROM (
                SELECT occurred_at AS at, 'NOTIFICATION' AS kind, 0 AS rank, type AS code, NULL AS case_id,
                       supplier, notification_id, NULL AS actor, NULL AS text, ended_at
                  FROM notification WHERE subject_id = :subjectId
                UNION ALL
                SELECT opened_at, 'ABV', 1, trigger, case_id, NULL, NULL, NULL, explanation, NULL
                  FROM breach_case WHERE subject_id = :subjectId AND trigger = 'ACCUMULATED_BATTERY_VIOLATION'
                UNION ALL
                SELECT raised_at, 'CASE_RAISED', 2, trigger, case_id, NULL, NULL, NULL, queue || ': ' || explanation, NULL
                  FROM breach_case WHERE subject_id = :subjectId
                UNION ALL
                SELECT a.at, 'ACTION', 3, a.action, a.case_id, NULL, NULL, a.actor, a.note, NULL
                  FROM case_action a JOIN breach_case c ON c.case_id = a.case_id WHERE c.subject_id = :subjectId
                UNION ALL
                SELECT withdrawn_at, 'CASE_WITHDRAWN', 4, trigger, case_id, NULL, NULL, NULL, withdrawal_reason, NULL
                  FROM breach_case WHERE subject_id = :subjectId AND withdrawal_reason IS NOT NULL
            ) t
            ORDER BY at DESC, rank DESC, case_id DESC NULLS LAST, supplier DESC, notification_id DESC
            LIMIT :limit""")
    protected abstract List<TimelineRow> newestFirst(String subjectId, int limit);

    /**
     * One entry as the query answers it; a notification's {@code endedAt} becomes its text ("ended ...", in
     * UTC to the second) here rather than in SQL.
     */
    @Introspected
    protected record TimelineRow(Instant at, String kind, String code, @Nullable String caseId,
                                 @Nullable String supplier, @Nullable String notificationId, @Nullable String actor,
                                 @Nullable String text, @Nullable Instant endedAt) {
    }
}
