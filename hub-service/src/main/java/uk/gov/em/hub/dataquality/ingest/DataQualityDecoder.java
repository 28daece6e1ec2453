package uk.gov.em.hub.dataquality.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;
import uk.gov.em.hub.common.ingest.RecordDecoder;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;

/** Reads a report on em.data-quality with the contracts' serde; one that cannot be read is set aside as any other. */
final class DataQualityDecoder implements RecordDecoder<DataQualityReport> {

    private final JsonRecordDecoder<DataQualityEvent> json = new JsonRecordDecoder<>(DataQualityEvent.class);

    @Override
    public JsonRecordDecoder.Decoded<DataQualityReport> decode(ConsumerRecord<String, byte[]> record) {
        return switch (json.decode(record)) {
            case JsonRecordDecoder.Readable<DataQualityEvent> read ->
                    new JsonRecordDecoder.Readable<>(DataQualityReport.of(read.value()));
            case JsonRecordDecoder.Unreadable<DataQualityEvent> bad ->
                    new JsonRecordDecoder.Unreadable<>(bad.exception(), bad.reason());
        };
    }
}
