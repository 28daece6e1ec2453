package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Where a case stands in the hub. {@code OPEN} covers a case waiting in its queue and one a caseworker
 * has claimed (its assignee says which); {@code WITHDRAWN} is a case breach-streams withdrew;
 * {@code CLOSED} is a finished one. On the API a status filter is the lower-case word.
 */
public enum CaseStatus {
    OPEN,
    WITHDRAWN,
    CLOSED;

    /** The name of the query parameter that filters by status. */
    public static final String PARAMETER = "status";

    /** The statuses a withdrawal from breach-streams still changes: a closed case stays closed. */
    public static Set<CaseStatus> withdrawable() {
        return Set.of(OPEN);
    }

    /** The status a query word names ({@code open}, {@code withdrawn}, {@code closed}; any case). */
    public static CaseStatus fromParameter(String word) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(word.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidParameter(PARAMETER,
                        "must be one of open, withdrawn, closed (was '" + word + "')"));
    }
}
