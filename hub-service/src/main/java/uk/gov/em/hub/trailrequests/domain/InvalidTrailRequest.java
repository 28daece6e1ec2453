package uk.gov.em.hub.trailrequests.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** A trail-data request or outcome whose content cannot be used: no purpose, an empty period, no note, .... */
public final class InvalidTrailRequest extends Rejection {

    public InvalidTrailRequest(String detail) {
        super(Kind.UNPROCESSABLE, "invalid-trail-request", "Trail data request incomplete or invalid", detail);
    }
}
