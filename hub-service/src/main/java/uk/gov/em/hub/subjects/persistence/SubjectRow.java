package uk.gov.em.hub.subjects.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code subject}: one person on the register, as last changed and by whom. */
@MappedEntity("subject")
public record SubjectRow(
        @Id String subjectId,
        @Nullable String harmLevel,
        boolean vulnerable,
        @Nullable String deviceType,
        @Nullable LocalDate emStartDate,
        Instant updatedAt,
        String updatedBy,
        @Nullable LocalDate emEndDate,
        @Nullable String emEndReason) {
}
