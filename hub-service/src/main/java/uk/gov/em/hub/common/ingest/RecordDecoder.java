package uk.gov.em.hub.common.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one record for {@link BatchIngestion}: what it holds, or why it cannot be read. Most feeds read JSON
 * values ({@link JsonRecordDecoder}); a feed that needs the record's headers or its place on the topic reads
 * them here too.
 */
@FunctionalInterface
public interface RecordDecoder<T> {

    JsonRecordDecoder.Decoded<T> decode(ConsumerRecord<String, byte[]> record);
}
