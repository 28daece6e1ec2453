package uk.gov.em.hub.trailrequests.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import uk.gov.em.hub.trailrequests.domain.TrailOutcome;

import java.time.Instant;

/** A row of {@code trail_request_outcome}: one outcome recorded on a request, by whom and when. */
@MappedEntity("trail_request_outcome")
public record TrailOutcomeRow(
        @Id @GeneratedValue @Nullable Long id,
        @MappedProperty("request_id") long requestId,
        @MappedProperty("decided_at") Instant decidedAt,
        @MappedProperty("decided_by") String decidedBy,
        TrailOutcome outcome,
        String note) {
}
