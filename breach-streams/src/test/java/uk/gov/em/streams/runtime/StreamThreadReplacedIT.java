package uk.gov.em.streams.runtime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.infra.KafkaTopics;
import uk.gov.em.streams.topology.BreachStreamsConfig;
import uk.gov.em.testing.CommittedReader;
import uk.gov.em.testing.KafkaHarness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real broker under exactly-once v2, as the service starts Kafka Streams ({@link StreamsLifecycle}): a stream
 * thread that dies because its commit was answered INVALID_TXN_STATE after the transaction had been rolled back
 * (KAFKA-20785, seen in {@code CrashMatrixIT}) is replaced, and the instance goes on to process the record that thread
 * had not committed, once. The producer answers so for its first commit; everything else is the real broker's.
 */
class StreamThreadReplacedIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path stateDir;

    @Test
    void aThreadWhoseCommitTheBrokerRefusedIsReplacedAndTheInstanceGoesOnWithNothingLost() throws Exception {
        String in = "thread-replaced-in-" + run;
        String out = "thread-replaced-out-" + run;
        KafkaTopics.ensure(KafkaHarness.bootstrapServers(), List.of(new NewTopic(in, 1, (short) 1),
                new NewTopic(out, 1, (short) 1)));
        AtomicBoolean refused = new AtomicBoolean();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        KafkaStreams streams = new KafkaStreams(builder.build(),
                BreachStreamsConfig.of("thread-replaced-" + run, KafkaHarness.bootstrapServers(), stateDir),
                new RefusingFirstCommit(refused));
        StreamsLifecycle lifecycle = new StreamsLifecycle(streams, new SimpleMeterRegistry());
        try {
            lifecycle.start();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(in, "S-1", "the only record")).get();
            }

            assertThat(committed(out)).containsExactly("the only record");
            assertThat(refused).isTrue();
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(streams.metadataForLocalThreads()).extracting(ThreadMetadata::threadName)
                    .singleElement().asString().endsWith("-StreamThread-2");
        } finally {
            lifecycle.close();
        }
    }

    /**
     * The broker's side of KAFKA-20785, for the first commit only: the transaction is rolled back and the commit is
     * answered INVALID_TXN_STATE, as the coordinator does when it aborted the transaction just before.
     */
    private static final class RefusingFirstCommit implements KafkaClientSupplier {

        private final AtomicBoolean refused;

        RefusingFirstCommit(AtomicBoolean refused) {
            this.refused = refused;
        }

        @Override
        public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
            return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()) {
                @Override
                public void commitTransaction() {
                    if (refused.compareAndSet(false, true)) {
                        abortTransaction();
                        throw new InvalidTxnStateException("The producer attempted a transactional operation in an"
                                + " invalid state.");
                    }
                    super.commitTransaction();
                }
            };
        }

        @Override
        public Admin getAdmin(Map<String, Object> config) {
            return Admin.create(config);
        }

        @Override
        public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }

        @Override
        public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }
    }

    private static List<String> committed(String topic) {
        try (KafkaConsumer<String, String> reader = CommittedReader.of(topic, new StringDeserializer())) {
            return CommittedReader.next(reader, r -> true, 1, Duration.ofSeconds(90)).stream()
                    .map(ConsumerRecord::value).toList();
        }
    }
}
