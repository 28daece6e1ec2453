package uk.gov.em.hub.common.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import uk.gov.em.contracts.json.JsonSerde;

/**
 * Reads the value of one record with the contracts' serde. A record that cannot be read (not JSON, an
 * unknown kind, a required field missing, or no value at all) yields {@link Unreadable} with the reason, which
 * {@link BatchIngestion} sets aside on the dead-letter topic so it never blocks its partition.
 */
public class JsonRecordDecoder<T> implements RecordDecoder<T> {

    /** What a record decoded to. */
    public sealed interface Decoded<T> {
    }

    /** The record's value, read. */
    public record Readable<T>(T value) implements Decoded<T> {
    }

    /** The record cannot be read, and why. */
    public record Unreadable<T>(String exception, String reason) implements Decoded<T> {
    }

    private final JsonSerde<T> serde;

    public JsonRecordDecoder(Class<T> type) {
        this.serde = JsonSerde.of(type);
    }

    @Override
    public Decoded<T> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return new Unreadable<>("null", "the record has no value");
        }
        try {
            return new Readable<>(serde.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            Throwable root = rootOf(e);
            return new Unreadable<>(root.getClass().getName(), String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
