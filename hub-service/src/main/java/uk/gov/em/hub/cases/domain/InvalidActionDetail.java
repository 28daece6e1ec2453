package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** An action came without what it needs (an outcome, a reason, a note) or with a word the hub does not know: 422. */
public final class InvalidActionDetail extends Rejection {

    public InvalidActionDetail(String detail) {
        super(Kind.UNPROCESSABLE, "invalid-action-detail", "Action detail missing or unknown", detail);
    }
}
