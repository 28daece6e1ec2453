package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** No case has this id (it may not have reached the hub yet). */
public final class CaseNotFound extends Rejection {

    public CaseNotFound(String caseId) {
        super(Kind.NOT_FOUND, "case-not-found", "Case not found", "no case has id '" + caseId + "'");
    }
}
