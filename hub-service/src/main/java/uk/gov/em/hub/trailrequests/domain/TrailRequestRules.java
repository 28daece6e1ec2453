package uk.gov.em.hub.trailrequests.domain;

import uk.gov.em.hub.common.domain.Rejection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a trail-data request and its outcomes must carry. Trail data is asked for only with a stated purpose
 * and for a bounded period (data protection: purpose limitation and minimisation), and every outcome says why.
 */
public final class TrailRequestRules {

    /** The longest purpose or note accepted. */
    public static final int MAX_TEXT = 1_000;

    private TrailRequestRules() {
    }

    /** Why a new request cannot be recorded, if it cannot. */
    public static Optional<InvalidTrailRequest> refuseRequest(String purpose, Instant from, Instant to) {
        if (blank(purpose)) {
            return Optional.of(new InvalidTrailRequest("a trail data request needs purpose: why the data is needed"));
        }
        if (purpose.length() > MAX_TEXT) {
            return Optional.of(new InvalidTrailRequest("purpose is longer than " + MAX_TEXT + " characters"));
        }
        if (from == null || to == null) {
            return Optional.of(new InvalidTrailRequest("a trail data request needs from and to: the period asked for"));
        }
        if (!from.isBefore(to)) {
            return Optional.of(new InvalidTrailRequest("the period asked for must end after it starts"));
        }
        return Optional.empty();
    }

    /** Why {@code outcome} cannot follow the outcomes {@code earlier} (oldest first), if it cannot. */
    public static Optional<Rejection> refuseOutcome(long requestId, List<TrailOutcome> earlier,
                                                           TrailOutcome outcome, String note) {
        if (outcome == null) {
            return Optional.of(new InvalidTrailRequest("outcome must be one of APPROVED, REFUSED, PROVIDED"));
        }
        if (blank(note)) {
            return Optional.of(new InvalidTrailRequest("an outcome needs a note"));
        }
        if (note.length() > MAX_TEXT) {
            return Optional.of(new InvalidTrailRequest("note is longer than " + MAX_TEXT + " characters"));
        }
        return earlier.stream().filter(TrailOutcome::settles).findFirst()
                .map(settled -> (Rejection) new TrailRequestSettled(requestId, settled));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
