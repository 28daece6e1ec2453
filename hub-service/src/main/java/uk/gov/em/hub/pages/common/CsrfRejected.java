package uk.gov.em.hub.pages.common;

import uk.gov.em.hub.common.domain.Rejection;

/** A form post without a valid CSRF token: refused as forbidden. */
public class CsrfRejected extends Rejection {

    public CsrfRejected() {
        super(Kind.FORBIDDEN, "csrf-token", "The form has expired",
                "The form was not sent from this service's own page, or it has expired. Go back, reload the page"
                        + " and try again.");
    }
}
