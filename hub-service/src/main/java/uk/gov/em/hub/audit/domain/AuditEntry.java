package uk.gov.em.hub.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thing that happened, for the audit trail: who ({@code actor}), what ({@code action} and
 * {@code detail}), when, and to which case and person.
 *
 * @param at     truncated to microseconds, as PostgreSQL stores it, so the hash recomputes exactly
 * @param detail plain text or JSON, as written; hashed byte for byte
 */
public record AuditEntry(Instant at, String actor, String action, String caseId, String subjectId, String detail) {

    /** The actor of changes the hub makes on its own (ingest, schedules). */
    public static final String SYSTEM = "system";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        at = at.truncatedTo(ChronoUnit.MICROS);
        detail = detail == null ? "" : detail;
    }
}
