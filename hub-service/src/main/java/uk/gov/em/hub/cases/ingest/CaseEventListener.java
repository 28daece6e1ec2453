package uk.gov.em.hub.cases.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.AfterStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Feeds {@code em.breach-cases} into PostgreSQL, one transaction per polled batch.
 * <ul>
 *   <li>Offsets are committed synchronously only after the batch's transaction has committed, so a crash
 *       between the two redelivers the batch, which the idempotent writes absorb.</li>
 *   <li>An unreadable record (see {@link CaseEventDecoder}) is logged with its offset and skipped: one bad
 *       record must not block its partition forever.</li>
 *   <li>A batch that cannot be written (PostgreSQL down, say) is never skipped: the consumer seeks back to
 *       the batch's first offsets and polls it again after {@code hub.ingest.retry-delay}, as many times
 *       as it takes.</li>
 * </ul>
 */
@KafkaListener(
        groupId = CaseEventListener.GROUP_ID,
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
        errorStrategy = @ErrorStrategy(
                value = ErrorStrategyValue.RETRY_ON_ERROR,
                retryCount = Integer.MAX_VALUE,
                retryDelay = "${hub.ingest.retry-delay:5s}"))
public class CaseEventListener {

    /** The consumer group of the hub's case feed. */
    public static final String GROUP_ID = "em-hub-cases";

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventListener.class);

    private final CaseEventDecoder decoder = new CaseEventDecoder();
    private final CaseEventWriter writer;
    private final Counter raised;
    private final Counter duplicates;
    private final Counter withdrawn;
    private final Counter withdrawalsIgnored;
    private final Counter unreadable;
    private final Counter failedBatches;
    private final Timer ingestLag;
    private final AfterStore afterStore;

    public CaseEventListener(CaseEventWriter writer, MeterRegistry registry, AfterStore afterStore) {
        this.writer = writer;
        this.afterStore = afterStore;
        this.ingestLag = Timer.builder("em.hub.case.ingest.lag")
                .description("From a case being raised by breach-streams to the hub storing it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.raised = outcome(registry, "raised");
        this.duplicates = outcome(registry, "duplicate");
        this.withdrawn = outcome(registry, "withdrawn");
        this.withdrawalsIgnored = outcome(registry, "withdrawal_ignored");
        this.unreadable = outcome(registry, "unreadable");
        this.failedBatches = Counter.builder("em.hub.case.batches.failed")
                .description("Polled batches of case events that could not be stored and were polled again")
                .register(registry);
    }

    @Topic(Topics.CASES)
    public void receive(ConsumerRecords<String, byte[]> records) {
        List<CaseEvent> events = new ArrayList<>(records.count());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<CaseEvent> event = decoder.decode(record);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                skipped++;
            }
        }
        CaseEventWriter.Tally tally = events.isEmpty() ? CaseEventWriter.Tally.NONE : store(records, events);
        // counted only once the batch is stored, so a retried batch is not counted twice
        unreadable.increment(skipped);
        raised.increment(tally.raised());
        duplicates.increment(tally.duplicates());
        withdrawn.increment(tally.withdrawn());
        withdrawalsIgnored.increment(tally.withdrawalsIgnored());
        tally.ingestLags().forEach(ingestLag::record);
        afterStore.stored(Topics.CASES);
    }

    private CaseEventWriter.Tally store(ConsumerRecords<String, byte[]> records, List<CaseEvent> events) {
        try {
            return writer.write(events);
        } catch (RuntimeException e) {
            failedBatches.increment();
            LOG.warn("Cannot store {} case events from {}; the batch will be polled again: {}",
                    events.size(), firstOffsets(records), e.getCause() == null ? e.toString() : e.getCause().toString());
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

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("em.hub.case.events")
                .description("Case events read from em.breach-cases, by what the hub did with them")
                .tag("outcome", outcome)
                .register(registry);
    }
}
