package uk.gov.em.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import uk.gov.em.contracts.ReceivedNotification;

/**
 * Takes a notification record's time from the gateway's {@code receivedAt}, whatever timestamp the producer
 * put on the Kafka record. Stream time, the de-duplication horizon and the {@code raisedAt} of cases then
 * all run on one clock that a replay reproduces exactly.
 */
public final class ReceivedAtTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ReceivedNotification received) {
            return received.receivedAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
