package uk.gov.em.hub.accesslog.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code access_log}: who read which person's data, when, through what, and why if they said. */
@MappedEntity("access_log")
public record AccessLogRow(
        @Id long id,
        Instant at,
        String actor,
        @MappedProperty("subject_id") String subjectId,
        @Nullable @MappedProperty("case_id") String caseId,
        String what,
        @Nullable String purpose) {
}
