package uk.gov.em.hub.cases.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;
import uk.gov.em.hub.testing.ACase;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CaseEventDecoderTest {

    private final CaseEventDecoder decoder = new CaseEventDecoder();
    private final JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);

    @Test
    void readsARaisedCaseAndAWithdrawal() {
        ACase c = ACase.aCase();

        assertThat(decoder.decode(record(serde.serialize(Topics.CASES, c.build()))))
                .isEqualTo(new JsonRecordDecoder.Readable<CaseEvent>(c.build()));
        assertThat(decoder.decode(record(serde.serialize(Topics.CASES, c.withdrawal("gone")))))
                .isInstanceOfSatisfying(JsonRecordDecoder.Readable.class,
                        read -> assertThat(read.value()).isInstanceOf(CaseWithdrawal.class));
    }

    @Test
    void anUnreadableRecordYieldsItsReason() {
        assertThat(decoder.decode(record("{oops".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(JsonRecordDecoder.Unreadable.class);
        assertThat(decoder.decode(record("{\"event\":\"CASE_EXPLODED\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(JsonRecordDecoder.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).contains("CASE_EXPLODED"));
        assertThat(decoder.decode(record("{\"event\":\"CASE_RAISED\",\"caseId\":\"c\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(JsonRecordDecoder.Unreadable.class);
        assertThat(decoder.decode(record(null))).isEqualTo(new JsonRecordDecoder.Unreadable<CaseEvent>("null", "the record has no value"));
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.CASES, 0, 42L, "subject-1", value);
    }
}
