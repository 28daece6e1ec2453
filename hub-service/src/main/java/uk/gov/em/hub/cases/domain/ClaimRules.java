package uk.gov.em.hub.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who may claim, release and act on a case. The database serialises callers (the case row is locked
 * while these rules are applied), so exactly one of many racing claimers wins.
 *
 * @param lease how long a claim lasts; after it a forgotten claim returns to the queue
 */
public record ClaimRules(Duration lease) {

    public ClaimRules {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the claim lease must be positive (was " + lease + ")");
        }
    }

    /**
     * When the caller's claim on {@code c} ends if they claim it at {@code now}; re-claiming one's own
     * case renews the lease.
     *
     * @throws CaseConflict when the case is finished or someone else holds it
     */
    public Instant claim(HubCase c, String caller, Instant now) {
        if (c.status().isFinal()) {
            throw CaseConflict.finished(c.caseId(), c.status());
        }
        c.holderAt(now).filter(holder -> !holder.equals(caller)).ifPresent(holder -> {
            throw CaseConflict.heldByAnother(c.caseId(), holder, c.claimExpiresAt());
        });
        return now.plus(lease);
    }

    /**
     * Checks that the caller may give {@code c} back: its assignee may (even after the lease ran out),
     * and so may an administrator clearing a stuck claim.
     */
    public void release(HubCase c, String caller, boolean admin) {
        if (c.assignee() == null || !(c.assignee().equals(caller) || admin)) {
            throw CaseConflict.notHeldByCaller(c.caseId());
        }
    }

    /** Checks that the caller holds {@code c} now: only the holder acts. */
    public void requireHolder(HubCase c, String caller, Instant now) {
        if (!holds(c, caller, now)) {
            throw CaseConflict.notHeldByCaller(c.caseId());
        }
    }

    /** True when {@code caller} holds {@code c} at {@code now} (a live claim of theirs). */
    public boolean holds(HubCase c, String caller, Instant now) {
        return c.holderAt(now).map(caller::equals).orElse(false);
    }

    /**
     * True when {@code c} is free for anyone to take at {@code now}: unfinished and nobody holds a live claim
     * on it. "Take the next case" takes the first free case in queue order ({@code CaseRepository#takeNext}
     * says the same in SQL, so the choice and the lock are one statement).
     */
    public boolean isFree(HubCase c, Instant now) {
        return !c.status().isFinal() && c.holderAt(now).isEmpty();
    }
}
