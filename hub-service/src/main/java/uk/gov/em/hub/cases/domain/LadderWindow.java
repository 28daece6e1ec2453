package uk.gov.em.hub.cases.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The escalation ladder's window (docs/policy.md §6, 90 days by default): the warnings served to a
 * person within it are shown on their cases, and a referral with none needs a written justification.
 */
public record LadderWindow(Period length) {

    public LadderWindow {
        Objects.requireNonNull(length, "length");
    }

    /** The start of the window that ends at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(length).toInstant();
    }
}
