package uk.gov.em.hub.mycases.persistence;

import uk.gov.em.hub.mycases.app.HeldCaseRow;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The cases assigned to one person, through {@code breach_case_assignee}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HeldCaseRepository extends GenericRepository<HeldCaseRow, String> {

    /**
     * The unfinished cases assigned to {@code assignee} (and a withdrawn one still flagged for them), the claim
     * that runs out first first; at most {@code limit}.
     */
    @Query("""
            SELECT case_id, subject_id, queue, trigger, status, severity, harm_level, claimed_at, claim_expires_at,
                   due_at, withdrawal_flagged
              FROM breach_case
             WHERE assignee = :assignee AND (lane = 'OPEN' OR withdrawal_flagged)
             ORDER BY claim_expires_at NULLS LAST, case_id
             LIMIT :limit""")
    List<HeldCaseRow> assignedTo(String assignee, int limit);
}
