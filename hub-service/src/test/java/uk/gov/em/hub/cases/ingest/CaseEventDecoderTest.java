package uk.gov.em.hub.cases.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.hub.testing.ACase;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CaseEventDecoderTest {

    private final CaseEventDecoder decoder = new CaseEventDecoder();
    private final JsonSerde<CaseEvent> serde = JsonSerde.of(CaseEvent.class);

    @Test
    void readsARaisedCaseAndAWithdrawal() {
        ACase c = ACase.aCase();

        assertThat(decoder.decode(record(serde.serialize(Topics.CASES, c.build())))).get().isInstanceOf(BreachCase.class)
                .isEqualTo(c.build());
        assertThat(decoder.decode(record(serde.serialize(Topics.CASES, c.withdrawal("gone")))))
                .get().isInstanceOf(CaseWithdrawal.class);
    }

    @Test
    void anUnreadableRecordYieldsNothing() {
        assertThat(decoder.decode(record("{oops".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(decoder.decode(record("{\"event\":\"CASE_EXPLODED\"}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(decoder.decode(record("{\"event\":\"CASE_RAISED\",\"caseId\":\"c\"}".getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThat(decoder.decode(record(null))).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.CASES, 0, 42L, "subject-1", value);
    }
}
