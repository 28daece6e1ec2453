package uk.gov.em.hub.mycases.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A case someone holds, with what a list of one's own cases shows of it: the query side's read model,
 * returned as it is read, so it lives with the query that returns it rather than in persistence.
 */
@MappedEntity("breach_case")
public record HeldCaseRow(
        @Id @MappedProperty("case_id") String caseId,
        @MappedProperty("subject_id") String subjectId,
        String queue,
        String trigger,
        String status,
        String severity,
        @Nullable @MappedProperty("harm_level") String harmLevel,
        @Nullable @MappedProperty("claimed_at") Instant claimedAt,
        @Nullable @MappedProperty("claim_expires_at") Instant claimExpiresAt,
        @Nullable @MappedProperty("due_at") Instant dueAt,
        @MappedProperty("withdrawal_flagged") boolean withdrawalFlagged) {
}
