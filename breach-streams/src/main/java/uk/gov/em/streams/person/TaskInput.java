package uk.gov.em.streams.person;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * One task's input partition read again from Kafka, with the application's own client settings (security
 * included): what the application last committed on it, and the records between two offsets. Used only when a
 * task starts and its people's state was written behind (ADR 0010), never while records flow.
 */
final class TaskInput {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final StreamsConfig config;
    private final String applicationId;
    private final TopicPartition partition;

    TaskInput(Map<String, Object> appConfigs, String applicationId, TopicPartition partition) {
        this.config = new StreamsConfig(appConfigs);
        this.applicationId = applicationId;
        this.partition = partition;
    }

    /** The offset the application will go on from on this partition, if it has committed one. */
    OptionalLong committedOffset() {
        try (Admin admin = Admin.create(config.getAdminConfigs(applicationId + "-replay-admin"))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(Map.of(applicationId,
                            new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(partition))),
                            new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata(applicationId).get();
            OffsetAndMetadata committed = offsets.get(partition);
            return committed == null ? OptionalLong.empty() : OptionalLong.of(committed.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the committed offset of " + partition, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the committed offset of " + partition, e.getCause());
        }
    }

    /**
     * Hands every record from {@code from} (or the earliest still kept, if later) up to but not including
     * {@code until} to {@code each}, with its offset, in partition order; returns the first offset handed over.
     */
    long read(long from, long until, BiConsumer<Long, ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> settings = config.getRestoreConsumerConfigs(applicationId + "-replay");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(Set.of(partition));
            long earliest = consumer.beginningOffsets(Set.of(partition), TIMEOUT).get(partition);
            long start = Math.max(from, earliest);
            consumer.seek(partition, start);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < until) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + partition + " up to offset " + until
                            + " within " + TIMEOUT + " (at " + consumer.position(partition) + ")");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= until) {
                        return start;
                    }
                    each.accept(record.offset(), record);
                }
            }
            return start;
        }
    }
}
