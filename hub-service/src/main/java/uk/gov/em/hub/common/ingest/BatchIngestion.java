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
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The part every batch listener of the hub shares, so each listener keeps only its topic, its decoder, its
 * writer and its metrics. One polled batch is stored in the writer's one transaction; then, and only then, the
 * outcome is counted and {@link AfterStore} called (a retried batch is not counted twice). What cannot be stored
 * is sorted by {@link StoreFailure}:
 * <ul>
 *   <li>a record that does not decode is set aside on the dead-letter topic ({@link DeadLetters}) once the rest
 *       of the batch is written;</li>
 *   <li>a transient failure (the database down, say) is logged and rethrown after a back-off that doubles with
 *       each failure in a row ({@link IngestProperties}), so the listener polls the same batch again, as many
 *       times as it takes — nothing is skipped;</li>
 *   <li>a permanent failure (PostgreSQL refuses a record's data) makes the batch be written again one record
 *       per transaction, in order, and the records refused for good are set aside on the dead-letter topic, so
 *       one bad record never stalls its partition.</li>
 * </ul>
 *
 * @param <T> what a record decodes to
 * @param <R> what the writer says the records did
 */
public final class BatchIngestion<T, R> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchIngestion.class);

    private final String topic;
    private final String what;
    private final RecordDecoder<T> decoder;
    private final Function<List<T>, R> writer;
    private final BinaryOperator<R> combine;
    private final R nothingWritten;
    private final Counter unreadable;
    private final Runnable onFailedBatch;
    private final AfterStore afterStore;
    private final DeadLetters deadLetters;
    private final IngestProperties retry;
    private int failuresInARow;

    /**
     * @param what           what the records are, plural, for the log ("case events")
     * @param combine        adds up what the writer said about two runs of records
     * @param nothingWritten the writer's result for no records (the writer is not called)
     * @param onFailedBatch  called when a batch could not be written for a transient reason, before it is rethrown
     */
    public BatchIngestion(String topic, String what, RecordDecoder<T> decoder, Function<List<T>, R> writer,
                          BinaryOperator<R> combine, R nothingWritten, Counter unreadable, Runnable onFailedBatch,
                          AfterStore afterStore, DeadLetters deadLetters, IngestProperties retry) {
        this.topic = topic;
        this.what = what;
        this.decoder = decoder;
        this.writer = writer;
        this.combine = combine;
        this.nothingWritten = nothingWritten;
        this.unreadable = unreadable;
        this.onFailedBatch = onFailedBatch;
        this.afterStore = afterStore;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /** A record and what it decoded to. */
    private record Read<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    /**
     * Stores one polled batch; once it is stored, hands the stored records and the writer's result to
     * {@code count}.
     */
    public void ingest(ConsumerRecords<String, byte[]> records, BiConsumer<List<T>, R> count) {
        List<Read<T>> readable = new ArrayList<>(records.count());
        List<Runnable> setAside = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (decoder.decode(record)) {
                case JsonRecordDecoder.Readable<T> read -> readable.add(new Read<>(record, read.value()));
                case JsonRecordDecoder.Unreadable<T> bad -> setAside.add(() ->
                        deadLetters.send(record, DeadLetters.Cause.UNREADABLE, bad.exception(), bad.reason()));
            }
        }
        List<T> stored = new ArrayList<>(readable.size());
        R result = readable.isEmpty() ? nothingWritten : store(records, readable, stored);
        failuresInARow = 0;
        // after the write, so that a batch polled again after a transient failure sets nothing aside twice
        setAside.forEach(Runnable::run);
        unreadable.increment(setAside.size());
        count.accept(stored, result);
        afterStore.stored(topic);
    }

    private R store(ConsumerRecords<String, byte[]> records, List<Read<T>> batch, List<T> stored) {
        try {
            R result = writer.apply(batch.stream().map(Read::value).toList());
            batch.forEach(read -> stored.add(read.value()));
            return result;
        } catch (RuntimeException e) {
            return switch (StoreFailure.of(e)) {
                case StoreFailure.Transient t -> throw retryLater(records, batch.size(), t, e);
                case StoreFailure.Permanent p -> {
                    LOG.warn("Cannot store {} {} from {} ({}); storing them one by one to set aside the refused",
                            batch.size(), what, firstOffsets(records), p.reason());
                    yield storeOneByOne(records, batch, stored);
                }
            };
        }
    }

    private R storeOneByOne(ConsumerRecords<String, byte[]> records, List<Read<T>> batch, List<T> stored) {
        R result = nothingWritten;
        for (Read<T> read : batch) {
            try {
                result = combine.apply(result, writer.apply(List.of(read.value())));
                stored.add(read.value());
            } catch (RuntimeException e) {
                switch (StoreFailure.of(e)) {
                    case StoreFailure.Transient t -> throw retryLater(records, batch.size(), t, e);
                    case StoreFailure.Permanent p -> deadLetters.send(read.record(), DeadLetters.Cause.UNSTORABLE,
                            "SQLSTATE " + p.sqlState(), p.reason());
                }
            }
        }
        return result;
    }

    /** Waits out the back-off, then answers the failure for the listener to rethrow (it polls the batch again). */
    private RuntimeException retryLater(ConsumerRecords<String, byte[]> records, int size, StoreFailure.Transient why,
                                        RuntimeException e) {
        onFailedBatch.run();
        failuresInARow++;
        var wait = retry.backoff(failuresInARow);
        LOG.warn("Cannot store {} {} from {}; polling them again in {} ms (failure {} in a row): {}",
                size, what, firstOffsets(records), wait.toMillis(), failuresInARow, why.reason());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return e;
    }

    private static Map<String, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<String, Long> first = new TreeMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition.toString(), records.records(partition).getFirst().offset());
        }
        return first;
    }
}
