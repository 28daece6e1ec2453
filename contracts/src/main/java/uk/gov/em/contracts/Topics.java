package uk.gov.em.contracts;

/** The Kafka topics the services talk through. Every record on them is keyed by {@code subjectId}. */
public final class Topics {

    /** Accepted supplier notifications ({@link ReceivedNotification}), written by the gateway. */
    public static final String NOTIFICATIONS = "em.breach-notifications";

    /** Cases raised and withdrawn ({@link CaseEvent}), written by breach-streams, read by the hub. */
    public static final String CASES = "em.breach-cases";

    /** The subject register ({@link Subject}), compacted; written by the hub, joined by breach-streams. */
    public static final String SUBJECTS = "em.subjects";

    /** Data-quality exceptions ({@link DataQualityEvent}): conflicting duplicates, data too late to apply. */
    public static final String DATA_QUALITY = "em.data-quality";

    /**
     * The audit trail's head, published by the hub every few seconds ({@code {"seq":…,"hash":…,"at":…}}), one
     * partition, kept for as long as the audit trail: a copy of the chain's head the database cannot rewrite.
     */
    public static final String AUDIT_CHECKPOINTS = "em.audit-checkpoints";

    /**
     * Records a service could not process for a reason retrying cannot mend (unreadable, or breaking a rule
     * of the store), kept byte for byte with their origin and the reason in {@link DeadLetterHeaders}, so
     * they can be repaired and replayed; nothing on it is dropped silently.
     */
    public static final String DEAD_LETTER = "em.dead-letter";

    private Topics() {
    }
}
