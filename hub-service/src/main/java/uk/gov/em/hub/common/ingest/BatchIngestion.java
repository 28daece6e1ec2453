package uk.gov.em.hub.common.ingest;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The part every batch listener of the hub shares, so each listener keeps only its topic, its decoder, its
 * writer and its metrics: decode each polled record, skip and count the unreadable ones, write the rest in
 * the writer's one transaction, and only then count the outcome and call {@link AfterStore}. A batch that
 * cannot be written is logged and rethrown, never skipped, so the listener's retrying error strategy polls
 * it again; counting after the write means a retried batch is not counted twice.
 *
 * @param <T> what a record decodes to
 * @param <R> what the writer says the batch did
 */
public final class BatchIngestion<T, R> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchIngestion.class);

    private final String topic;
    private final String what;
    private final JsonRecordDecoder<T> decoder;
    private final Function<List<T>, R> writer;
    private final R nothingWritten;
    private final Counter unreadable;
    private final Runnable onFailedBatch;
    private final AfterStore afterStore;

    /**
     * @param what           what the records are, plural, for the log ("case events")
     * @param nothingWritten the writer's result for a batch with nothing readable in it (the writer is not called)
     * @param onFailedBatch  called when a batch could not be written, before it is rethrown
     */
    public BatchIngestion(String topic, String what, JsonRecordDecoder<T> decoder, Function<List<T>, R> writer,
                          R nothingWritten, Counter unreadable, Runnable onFailedBatch, AfterStore afterStore) {
        this.topic = topic;
        this.what = what;
        this.decoder = decoder;
        this.writer = writer;
        this.nothingWritten = nothingWritten;
        this.unreadable = unreadable;
        this.onFailedBatch = onFailedBatch;
        this.afterStore = afterStore;
    }

    /**
     * Stores one polled batch; once it is stored, hands the readable records and the writer's result to
     * {@code count}.
     */
    public void ingest(ConsumerRecords<String, byte[]> records, BiConsumer<List<T>, R> count) {
        List<T> batch = new ArrayList<>(records.count());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            var decoded = decoder.decode(record);
            if (decoded.isPresent()) {
                batch.add(decoded.get());
            } else {
                skipped++;
            }
        }
        R result = batch.isEmpty() ? nothingWritten : store(records, batch);
        unreadable.increment(skipped);
        count.accept(batch, result);
        afterStore.stored(topic);
    }

    private R store(ConsumerRecords<String, byte[]> records, List<T> batch) {
        try {
            return writer.apply(batch);
        } catch (RuntimeException e) {
            onFailedBatch.run();
            LOG.warn("Cannot store {} {} from {}; the batch will be polled again: {}",
                    batch.size(), what, firstOffsets(records), e.getCause() == null ? e.toString() : e.getCause().toString());
            throw e;
        }
    }

    private static Map<String, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<String, Long> first = new TreeMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition.toString(), records.records(partition).getFirst().offset());
        }
        return first;
    }
}
