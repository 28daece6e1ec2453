package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a case stands in the hub (docs/case-lifecycle.md). {@code OPEN} is a case nobody has acted on
 * yet, claimed or not (its assignee says which); {@code WARNING_SENT}, {@code MITIGATION_RECEIVED}, {@code REFERRED} and
 * {@code CHARGED} are stages of work; {@code WITHDRAWN} is a case breach-streams withdrew; {@code CLOSED} is a finished one.
 * A queue lists every case still being worked ({@link #isFinal()} false); on the API a status filter is
 * the lower-case word of its lane: {@code open}, {@code withdrawn} or {@code closed}.
 */
public enum CaseStatus {
    OPEN,
    WARNING_SENT,
    MITIGATION_RECEIVED,
    /** Referred for prosecution: waiting for the prosecutor's decision. */
    REFERRED,
    /** The prosecutor decided to charge: waiting for the outcome. */
    CHARGED,
    WITHDRAWN,
    CLOSED;

    /** True for the statuses no action leaves: the case is out of its queue for good. */
    public boolean isFinal() {
        return this == WITHDRAWN || this == CLOSED;
    }

    /** The lane a queue or listing files this status under: OPEN for every stage of work. */
    public CaseStatus lane() {
        return isFinal() ? this : OPEN;
    }

    /** The name of the query parameter that filters by status. */
    public static final String PARAMETER = "status";

    /** The lane a query word names ({@code open}, {@code withdrawn}, {@code closed}; any case). */
    public static CaseStatus fromParameter(String word) {
        return Arrays.stream(values())
                .filter(s -> s == s.lane())
                .filter(s -> s.name().equals(word.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidParameter(PARAMETER,
                        "must be one of open, withdrawn, closed (was '" + word + "')"));
    }
}
