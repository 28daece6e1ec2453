package uk.gov.em.contracts;

/** How serious a breach is; declared most serious first, so {@link #ordinal()} is the queue order. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
