package uk.gov.em.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import uk.gov.em.contracts.Topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the product's topics on a broker, leaving any that already exist as they are. */
public final class KafkaTopics {

    /**
     * The stream processor's outputs are stamped by the broker when it appends them. Kafka Streams would otherwise
     * give each the time of the notification it came from, and time-based retention deletes a segment once its
     * newest record is older than the retention: a back-fill or replay of months-old notifications would have its
     * cases deleted as soon as their segment rolled, before a hub that was behind had read them.
     */
    private static final Map<String, String> STAMPED_ON_APPEND = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
            "LogAppendTime");

    /** The topics of the product and how they are kept. */
    public static List<NewTopic> productTopics(int partitions) {
        short rf = 1;
        return List.of(
                new NewTopic(Topics.NOTIFICATIONS, partitions, rf),
                new NewTopic(Topics.CASES, partitions, rf).configs(STAMPED_ON_APPEND),
                new NewTopic(Topics.SUBJECTS, partitions, rf)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(Topics.DATA_QUALITY, partitions, rf).configs(STAMPED_ON_APPEND),
                new NewTopic(Topics.AUDIT_CHECKPOINTS, 1, rf)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                new NewTopic(Topics.DEAD_LETTER, partitions, rf));
    }

    private KafkaTopics() {
    }

    public static void ensure(String bootstrapServers, List<NewTopic> topics) {
        ensure(bootstrapServers, Map.of(), topics);
    }

    /** As {@link #ensure(String, List)}, signing in with {@code clientSettings} (SASL, TLS...). */
    public static void ensure(String bootstrapServers, Map<String, Object> clientSettings, List<NewTopic> topics) {
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
