package uk.gov.em.streams.ladder.domain;

import java.time.Instant;
import java.util.Objects;

/** A qualifying breach on a person's ladder history: its trigger, its event time and the case it raised. */
public record QualifyingBreach(String trigger, Instant at, String caseId) {

    public QualifyingBreach {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(caseId, "caseId");
    }
}
