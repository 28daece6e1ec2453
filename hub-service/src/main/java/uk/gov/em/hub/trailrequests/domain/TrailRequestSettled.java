package uk.gov.em.hub.trailrequests.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** An outcome recorded on a request already refused or provided. */
public final class TrailRequestSettled extends Rejection {

    public TrailRequestSettled(long requestId, TrailOutcome settledAs) {
        super(Kind.CONFLICT, "trail-request-settled", "Trail data request already settled",
                "trail data request " + requestId + " was already " + settledAs.words());
    }
}
