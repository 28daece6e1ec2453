package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** The action is a sign-off and the caller is not a senior caseworker (403). */
public final class SignOffRequired extends Rejection {

    public SignOffRequired(String reason) {
        super(Kind.FORBIDDEN, "sign-off-required", "Sign-off required", reason);
    }
}
