package uk.gov.em.hub.mycases.app;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import uk.gov.em.hub.mycases.persistence.HeldCaseRepository;

import java.time.Instant;
import java.util.List;

/**
 * The cases a caseworker holds: what they claimed and have not finished or given back, with when each claim's
 * lease runs out (after it, anyone may claim the case; the holder keeps it until someone does).
 */
@Singleton
public class MyCases {

    /** More than anyone holds at once; the list is never unbounded. */
    public static final int MAX_SHOWN = 500;

    private final HeldCaseRepository cases;

    public MyCases(HeldCaseRepository cases) {
        this.cases = cases;
    }

    /** One held case, and whether its lease has run out at the time asked. */
    public record Held(HeldCaseRow c, boolean leaseRunOut) {
    }

    @ReadOnly
    public List<Held> heldBy(String username, Instant now) {
        return cases.assignedTo(username, MAX_SHOWN).stream()
                .map(c -> new Held(c, c.claimExpiresAt() != null && !c.claimExpiresAt().isAfter(now)))
                .toList();
    }
}
