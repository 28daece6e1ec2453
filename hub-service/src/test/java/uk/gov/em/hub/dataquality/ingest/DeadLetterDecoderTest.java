package uk.gov.em.hub.dataquality.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.Topics;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterDecoderTest {

    private final DeadLetterDecoder decoder = new DeadLetterDecoder();

    @Test
    void aDeadLetterNamesItsOriginItsReasonAndThePersonAndNotificationItsValueNames() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(DeadLetterHeaders.TOPIC, Topics.NOTIFICATIONS));
        headers.add(header(DeadLetterHeaders.PARTITION, "2"));
        headers.add(header(DeadLetterHeaders.OFFSET, "41"));
        headers.add(header(DeadLetterHeaders.EXCEPTION, "SQLSTATE 22021"));
        headers.add(header(DeadLetterHeaders.MESSAGE, "UNSTORABLE: invalid byte sequence"));

        DataQualityReport r = read(record(headers, "{\"supplier\":\"ems\",\"notification\":{\"notificationId\":\"N-1\"}}"));

        assertThat(r.kind()).isEqualTo(DataQualityKind.DEAD_LETTERED);
        assertThat(r.supplier()).isEqualTo("ems");
        assertThat(r.notificationId()).isEqualTo("N-1");
        assertThat(r.subjectId()).isEqualTo("S-1");
        assertThat(r.detail()).isEqualTo("UNSTORABLE: invalid byte sequence");
        assertThat(r.origin()).isEqualTo(new DataQualityReport.Origin(Topics.NOTIFICATIONS, 2, 41L, "SQLSTATE 22021"));
    }

    @Test
    void aDeadLetterWithoutHeadersOrJsonIsDescribedByWhereItSits() {
        DataQualityReport r = read(record(new RecordHeaders(), "{oops"));

        assertThat(r.supplier()).isNull();
        assertThat(r.detail()).isEqualTo("No reason was given.");
        assertThat(r.origin()).isEqualTo(new DataQualityReport.Origin(Topics.DEAD_LETTER, 0, 5L, null));
    }

    private DataQualityReport read(ConsumerRecord<String, byte[]> record) {
        return switch (decoder.decode(record)) {
            case JsonRecordDecoder.Readable<DataQualityReport> ok -> ok.value();
            case JsonRecordDecoder.Unreadable<DataQualityReport> bad -> throw new AssertionError(bad.reason());
        };
    }

    private static ConsumerRecord<String, byte[]> record(RecordHeaders headers, String value) {
        return new ConsumerRecord<>(Topics.DEAD_LETTER, 0, 5L, 1_643_882_400_000L, TimestampType.CREATE_TIME, -1, -1,
                "S-1", value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
