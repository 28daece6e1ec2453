package uk.gov.em.hub.trailrequests.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** No trail-data request has this id. */
public final class TrailRequestNotFound extends Rejection {

    public TrailRequestNotFound(long requestId) {
        super(Kind.NOT_FOUND, "trail-request-not-found", "Trail data request not found",
                "no trail data request has the id " + requestId);
    }
}
