package uk.gov.em.streams.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Topics;
import uk.gov.em.streams.Notifications;
import uk.gov.em.testing.CommittedReader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A back-fill or replay of notifications years old, on the real broker under exactly-once v2: what the stream
 * processor writes for them is stamped with the time the broker appended it, not the notification's, so time-based
 * retention keeps it for the topic's whole retention (docs/production.md) rather than deleting it as its segment rolls.
 */
class OutputsOfOldNotificationsIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path stateDir;

    @Test
    void theCaseAndTheReportOfNotificationsYearsOldAreStampedWhenTheBrokerAppendsThem() throws Exception {
        String subject = "S-OLD-" + run;
        Notifications tamper = Notifications.a(BreachType.STRAP_TAMPER).id("N-OLD-" + run).subject(subject);
        // the same notification again, saying something else: reported on em.data-quality
        Notifications conflicting = tamper.occurredAt(tamper.occurredAt().plusSeconds(600))
                .receivedAt(tamper.receivedAt().plusSeconds(60));
        assertThat(tamper.receivedAt()).isBefore(Instant.now().minus(Duration.ofDays(365)));
        Instant before = Instant.now();
        OnTheBroker.produce(List.of(tamper, conflicting));

        try (KafkaStreams ignored = OnTheBroker.start("old-notifications-" + run, stateDir)) {
            for (String topic : List.of(Topics.CASES, Topics.DATA_QUALITY)) {
                ConsumerRecord<String, byte[]> written = firstRecordOf(topic, subject);
                assertThat(written.timestampType()).as(topic).isEqualTo(TimestampType.LOG_APPEND_TIME);
                assertThat(Instant.ofEpochMilli(written.timestamp())).as(topic)
                        .isBetween(before.minusSeconds(1), Instant.now());
            }
        }
    }

    private static ConsumerRecord<String, byte[]> firstRecordOf(String topic, String subject) {
        try (KafkaConsumer<String, byte[]> reader = CommittedReader.of(topic, new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> written = CommittedReader.next(reader, r -> subject.equals(r.key()), 1,
                    OnTheBroker.PATIENCE);
            assertThat(written).as(topic).isNotEmpty();
            return written.getFirst();
        }
    }
}
