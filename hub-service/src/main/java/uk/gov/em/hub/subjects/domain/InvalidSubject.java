package uk.gov.em.hub.subjects.domain;

import uk.gov.em.hub.common.domain.Rejection;

import java.util.List;

/** A subject register entry that breaks docs/api/hub-api.md's rules; the detail lists every problem at once. */
public final class InvalidSubject extends Rejection {

    public InvalidSubject(List<String> problems) {
        super(Kind.INVALID, "invalid-subject", "Invalid subject", String.join("; ", problems));
    }
}
