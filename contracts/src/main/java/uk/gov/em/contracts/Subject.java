package uk.gov.em.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A person on the subject register, as the hub publishes it on {@link Topics#SUBJECTS} (compacted, keyed
 * by {@code subjectId}). {@code harmLevel}, {@code deviceType} and {@code emStartDate} may be unknown.
 * {@code emEndDate} (with {@code emEndReason}) is set once the person's EM has ended: from that date no
 * scheduled reviews are raised, and no battery or out-of-contact cases should be raised for them.
 */
public record Subject(
        String subjectId,
        HarmLevel harmLevel,
        boolean vulnerable,
        DeviceType deviceType,
        LocalDate emStartDate,
        Instant updatedAt,
        LocalDate emEndDate,
        EmEndReason emEndReason) {

    public Subject {
        Objects.requireNonNull(subjectId, "subjectId");
    }

    /** A person whose EM has not ended. */
    public Subject(String subjectId, HarmLevel harmLevel, boolean vulnerable, DeviceType deviceType,
                   LocalDate emStartDate, Instant updatedAt) {
        this(subjectId, harmLevel, vulnerable, deviceType, emStartDate, updatedAt, null, null);
    }

    /** True when the person's EM has ended on or before {@code date}. */
    public boolean emEndedBy(LocalDate date) {
        return emEndDate != null && !emEndDate.isAfter(date);
    }
}
