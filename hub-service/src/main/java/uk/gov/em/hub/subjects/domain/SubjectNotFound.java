package uk.gov.em.hub.subjects.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** Nobody with this id is on the subject register. */
public final class SubjectNotFound extends Rejection {

    public SubjectNotFound(String subjectId) {
        super(Kind.NOT_FOUND, "subject-not-found", "Subject not found", "no subject has id '" + subjectId + "'");
    }
}
