package uk.gov.em.hub.trailrequests.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code trail_request}: who asked for which person's trail data, for which case if any, why, and for when. */
@MappedEntity("trail_request")
public record TrailRequestRow(
        @Id @GeneratedValue @Nullable Long id,
        @MappedProperty("requested_at") Instant requestedAt,
        @MappedProperty("subject_id") String subjectId,
        @Nullable @MappedProperty("case_id") String caseId,
        String requester,
        String purpose,
        @MappedProperty("period_from") Instant periodFrom,
        @MappedProperty("period_to") Instant periodTo) {
}
