package uk.gov.em.hub.common.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.json.JsonSerde;

import java.util.Optional;

/**
 * Reads the value of one record with the contracts' serde. A record that cannot be read (not JSON, an
 * unknown kind, a required field missing, or no value at all) is logged with its topic, partition and
 * offset and yields nothing, so it never blocks its partition; the log line is what an operator follows
 * to repair it upstream.
 */
public class JsonRecordDecoder<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordDecoder.class);

    private final JsonSerde<T> serde;

    public JsonRecordDecoder(Class<T> type) {
        this.serde = JsonSerde.of(type);
    }

    public Optional<T> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            LOG.warn("Skipping record with no value on {}-{} at offset {} (key {})",
                    record.topic(), record.partition(), record.offset(), record.key());
            return Optional.empty();
        }
        try {
            return Optional.of(serde.deserialize(record.topic(), record.value()));
        } catch (SerializationException e) {
            LOG.error("Skipping unreadable record on {}-{} at offset {} (key {}): {}",
                    record.topic(), record.partition(), record.offset(), record.key(), rootMessage(e));
            return Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }
}
