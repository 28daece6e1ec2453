package uk.gov.em.hub.trailrequests.domain;

import java.time.Instant;
import java.util.List;

/**
 * A request for a person's trail data as recorded, with the outcomes recorded on it, oldest first.
 *
 * @param caseId null when the request is not for one case
 */
public record TrailRequest(long id, Instant requestedAt, String subjectId, String caseId, String requester,
                           String purpose, Instant from, Instant to, List<Outcome> outcomes) {

    /** One outcome recorded on the request. */
    public record Outcome(TrailOutcome outcome, String note, String decidedBy, Instant decidedAt) {
    }

    public TrailRequest {
        outcomes = List.copyOf(outcomes);
    }

    /** The outcomes alone, oldest first. */
    public List<TrailOutcome> outcomesSoFar() {
        return outcomes.stream().map(Outcome::outcome).toList();
    }
}
