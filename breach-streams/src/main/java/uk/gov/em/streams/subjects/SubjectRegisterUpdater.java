package uk.gov.em.streams.subjects;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.json.Json;

/**
 * Keeps the global subject-register store in step with {@code em.subjects} (compacted, written by the hub).
 * Values are read here rather than by a serde so that one unreadable entry is logged and skipped (the person
 * counts as unknown: no harm level, not vulnerable) instead of stopping the global thread. A tombstone
 * removes the person.
 */
public final class SubjectRegisterUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectRegisterUpdater.class);

    private final String storeName;
    private KeyValueStore<String, Subject> register;

    public SubjectRegisterUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        register = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            register.delete(record.key());
            return;
        }
        try {
            register.put(record.key(), Json.fromBytes(record.value(), Subject.class));
        } catch (RuntimeException e) {
            LOG.warn("unreadable subject register entry for {}; the person counts as unknown: {}", record.key(), e.toString());
            register.delete(record.key());
        }
    }
}
