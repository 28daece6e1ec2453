package uk.gov.em.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A record that cannot be read must neither stop the stream nor vanish: it is logged, skipped, reported
 * on {@link Topics#DATA_QUALITY} as {@code UNREADABLE_RECORD} naming its topic, partition and offset, so it
 * is counted in MI, and kept byte for byte on {@link Topics#DEAD_LETTER} with {@link DeadLetterHeaders}, so
 * it outlives the input topic's retention and can be repaired and replayed. Both are produced in the task's
 * own transaction.
 */
public final class UnreadableRecordHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRecordHandler.class);
    private static final int MAX_DETAIL = 500;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        LOG.warn("skipping unreadable record {}: {}", where, exception.toString());
        String subjectId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Instant recordTime = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        String detail = "Record " + where + " could not be read and was skipped: " + rootMessage(exception);
        DataQualityEvent report = new DataQualityEvent(DataQualityEvent.Issue.UNREADABLE_RECORD, null, null, subjectId,
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail, recordTime, recordTime);
        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(Topics.DEAD_LETTER, null, record.key(), record.value(),
                List.of(header(DeadLetterHeaders.TOPIC, record.topic()),
                        header(DeadLetterHeaders.PARTITION, Integer.toString(record.partition())),
                        header(DeadLetterHeaders.OFFSET, Long.toString(record.offset())),
                        header(DeadLetterHeaders.EXCEPTION, exception.getClass().getName()),
                        header(DeadLetterHeaders.MESSAGE, rootMessage(exception))));
        return Response.resume(List.of(
                new ProducerRecord<>(Topics.DATA_QUALITY, null, record.key(), Json.toBytes(report)), deadLetter));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
