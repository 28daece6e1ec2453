package uk.gov.em.contracts;

/**
 * The headers of a record on {@link Topics#DEAD_LETTER}: where the original came from and why it could not be
 * processed. They are the names Kafka Streams gives its own dead-letter records (KIP-1034), so the stream
 * processor's and the hub's dead letters read alike; the record's key and value are the original's bytes.
 */
public final class DeadLetterHeaders {

    /** The original record's topic. */
    public static final String TOPIC = "__streams.errors.topic";
    /** The original record's partition (decimal text). */
    public static final String PARTITION = "__streams.errors.partition";
    /** The original record's offset (decimal text). */
    public static final String OFFSET = "__streams.errors.offset";
    /** The class of the exception that made the record unprocessable. */
    public static final String EXCEPTION = "__streams.errors.exception";
    /** The reason, in words. */
    public static final String MESSAGE = "__streams.errors.message";

    private DeadLetterHeaders() {
    }
}
