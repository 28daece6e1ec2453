package uk.gov.em.hub.paging.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

/**
 * How many rows one page may hold: {@value #DEFAULT} unless asked, at most {@value #MAX}, so one call
 * can never make the database read a whole queue.
 */
public record PageLimit(int value) {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;
    public static final String PARAMETER = "limit";

    public PageLimit {
        if (value < 1 || value > MAX) {
            throw new InvalidParameter(PARAMETER, "must be between 1 and " + MAX + " (was " + value + ")");
        }
    }

    /** The limit asked for, or the default when none was. */
    public static PageLimit of(Integer requested) {
        return new PageLimit(requested == null ? DEFAULT : requested);
    }
}
