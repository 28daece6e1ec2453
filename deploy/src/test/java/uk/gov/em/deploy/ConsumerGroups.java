package uk.gov.em.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import uk.gov.em.testing.KafkaHarness;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/** Where topics end and how far consumer groups have got, on the harness's broker. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Waits until {@code group} has committed offsets at the end of every partition of {@code topic}. */
    static void awaitCaughtUp(String group, String topic, Duration timeout) {
        try (Admin admin = admin()) {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, Long> end = endOffsets(topic);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return end.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata at = committed.get(e.getKey());
                    // after a transaction the last offset is its marker, which a consumer may not commit past
                    return e.getValue() == 0 || (at != null && at.offset() >= e.getValue() - 1);
                });
            });
        }
    }

    /** How many records of {@code topic} {@code group} has not committed yet. */
    static long lag(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return endOffsets(topic).entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return e.getValue() - (at == null ? 0 : at.offset());
            }).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next offset to be written, per partition of {@code topic}. */
    static Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaHarness.bootstrapServers()));
    }
}
