package uk.gov.em.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person on the subject register, as the hub publishes it on {@link Topics#SUBJECTS} (compacted, keyed
 * by {@code subjectId}). {@code harmLevel}, {@code deviceType} and {@code emStartDate} may be unknown.
 */
public record Subject(
        String subjectId,
        HarmLevel harmLevel,
        boolean vulnerable,
        DeviceType deviceType,
        LocalDate emStartDate,
        Instant updatedAt) {

    public Subject {
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
