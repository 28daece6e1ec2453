package uk.gov.em.hub.common.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sets aside a record the hub can never store — it does not decode, or PostgreSQL refuses its data — so that
 * its partition moves on without losing it: the original key and value go to {@link Topics#DEAD_LETTER} with
 * where they came from and why ({@link DeadLetterHeaders}), the log says so, and
 * {@value #METRIC}{@code {topic, cause}} counts it. The send is acknowledged before the caller goes on, so
 * the offset is committed only once the record is safe; a crash in between sends it again (dead letters are
 * at least once).
 */
@Singleton
public class DeadLetters {

    public static final String METRIC = "em.hub.ingest.dead.lettered";

    /** Why a record was set aside. */
    public enum Cause {
        /** It could not be decoded. */
        UNREADABLE,
        /** It decoded, but the database refused it for good (see {@link StoreFailure.Permanent}). */
        UNSTORABLE
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterProducer producer;
    private final MeterRegistry registry;

    public DeadLetters(DeadLetterProducer producer, MeterRegistry registry) {
        this.producer = producer;
        this.registry = registry;
        // every series exists from the first scrape, so an alert on its increase sees the first dead letter
        for (String topic : List.of(Topics.CASES, Topics.NOTIFICATIONS, Topics.DATA_QUALITY)) {
            for (Cause cause : Cause.values()) {
                counter(topic, cause);
            }
        }
    }

    /**
     * Sends the record to the dead-letter topic; throws if the broker does not acknowledge it. A record read
     * from the dead-letter topic itself is not sent again (the hub reads that topic, so it would come back for
     * ever): it is already kept there byte for byte, and is only logged and counted.
     */
    public void send(ConsumerRecord<String, byte[]> record, Cause cause, String exception, String reason) {
        if (record.topic().equals(Topics.DEAD_LETTER)) {
            LOG.error("Cannot take {} dead letter {}-{}@{} (key {}); it stays where it is: {}", cause.name().toLowerCase(),
                    record.topic(), record.partition(), record.offset(), record.key(), reason);
            counter(record.topic(), cause).increment();
            return;
        }
        LOG.error("Setting aside {} record {}-{}@{} (key {}) on {}: {}", cause.name().toLowerCase(), record.topic(),
                record.partition(), record.offset(), record.key(), Topics.DEAD_LETTER, reason);
        List<Header> headers = List.of(
                header(DeadLetterHeaders.TOPIC, record.topic()),
                header(DeadLetterHeaders.PARTITION, Integer.toString(record.partition())),
                header(DeadLetterHeaders.OFFSET, Long.toString(record.offset())),
                header(DeadLetterHeaders.EXCEPTION, exception),
                header(DeadLetterHeaders.MESSAGE, cause.name() + ": " + reason));
        producer.send(record.key(), record.value(), headers);
        counter(record.topic(), cause).increment();
    }

    private Counter counter(String topic, Cause cause) {
        return Counter.builder(METRIC)
                .description("Records the hub could never store, set aside on em.dead-letter, by topic and cause")
                .tag("topic", topic)
                .tag("cause", cause.name().toLowerCase())
                .register(registry);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
