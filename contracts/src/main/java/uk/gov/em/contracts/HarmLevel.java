package uk.gov.em.contracts;

/**
 * A person's assessed harm level, declared highest first. An unknown harm level is {@code null} on the
 * wire and sorts after {@link #LOW} in a queue.
 */
public enum HarmLevel {
    VERY_HIGH,
    HIGH,
    MEDIUM,
    LOW;

    /** Queue order rank: 0 for VERY_HIGH … 3 for LOW, 4 for unknown ({@code null}). */
    public static int rank(HarmLevel level) {
        return level == null ? values().length : level.ordinal();
    }
}
