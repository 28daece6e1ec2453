package uk.gov.em.streams.topology;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the configuration does with a record a processor cannot handle, checked on a one-processor topology
 * run with exactly that configuration (the breach topology has no record it throws on by design).
 */
class BreachStreamsConfigTest {

    @Test
    void theClusterSettingsMayTuneTheCommitIntervalButNeverWeakenExactlyOnce() throws Exception {
        Properties config = BreachStreamsConfig.of("config-test", "unused:9092", Files.createTempDirectory("config-test-"),
                Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));

        assertThat(new StreamsConfig(config).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50L);
        assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void theProducersBatchesAreLargeUnlessTheClusterSettingsSayOtherwise() throws Exception {
        Properties defaults = BreachStreamsConfig.of("config-test", "unused:9092", Files.createTempDirectory("config-test-"));
        Properties prefixed = BreachStreamsConfig.of("config-test", "unused:9092", Files.createTempDirectory("config-test-"),
                Map.of(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "32768"));
        // KAFKA_BATCH_SIZE in the service's environment arrives as the plain client setting
        Properties plain = BreachStreamsConfig.of("config-test", "unused:9092", Files.createTempDirectory("config-test-"),
                Map.of(ProducerConfig.BATCH_SIZE_CONFIG, "65536"));

        assertThat(new StreamsConfig(defaults).getProducerConfigs("p").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo(256 * 1024);
        assertThat(new StreamsConfig(prefixed).getProducerConfigs("p").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo("32768");
        assertThat(new StreamsConfig(plain).getProducerConfigs("p").get(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo("65536");
    }

    @Test
    void aRecordOnWhichAProcessorThrowsIsKeptOnTheDeadLetterTopicAndTheRecordsBehindItAreProcessed() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (value.equals("poison")) {
                        throw new IllegalStateException("cannot handle " + value);
                    }
                    return value.toUpperCase();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        var config = BreachStreamsConfig.of("config-test", "unused:9092", Files.createTempDirectory("config-test-"));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, String> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER,
                    Serdes.String().deserializer(), Serdes.String().deserializer());

            in.pipeInput("S-1", "before");
            in.pipeInput("S-1", "poison");
            in.pipeInput("S-1", "after");

            assertThat(out.readValuesToList()).containsExactly("BEFORE", "AFTER");
            List<TestRecord<String, String>> kept = deadLetters.readRecordsToList();
            assertThat(kept).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo("S-1");
                assertThat(letter.value()).isEqualTo("poison");
                assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.MESSAGE).value(), StandardCharsets.UTF_8))
                        .contains("cannot handle poison");
                assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.TOPIC).value(), StandardCharsets.UTF_8))
                        .isEqualTo("in");
            });
        }
    }
}
