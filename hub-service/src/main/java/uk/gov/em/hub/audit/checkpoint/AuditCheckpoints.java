package uk.gov.em.hub.audit.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.KafkaClientSettings;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.audit.persistence.AuditRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the audit chain's head to {@code em.audit-checkpoints} whenever it has moved (every
 * {@code hub.audit.checkpoint-interval}), and reads back the latest one for the chain's verification. The
 * topic keeps every checkpoint and nobody may delete from it, so removing rows from the end of the trail,
 * or rebuilding it, shows against the head published before: the database owner cannot reach Kafka.
 */
@Singleton
public class AuditCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String KEY = "audit";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final AuditRepository audit;
    private final AuditCheckpointProducer producer;
    private final Map<String, Object> kafka;
    private final Clock clock;
    private final String topic;
    private long lastPublished = -1;

    public AuditCheckpoints(AuditRepository audit, AuditCheckpointProducer producer,
                            KafkaDefaultConfiguration kafka, Clock clock,
                            @Value("${hub.audit.checkpoint-topic:" + Topics.AUDIT_CHECKPOINTS + "}") String topic) {
        this.audit = audit;
        this.topic = topic;
        this.producer = producer;
        Map<String, Object> settings = new HashMap<>();
        kafka.getConfig().forEach((k, v) -> settings.put(k.toString(), v));
        this.kafka = KafkaClientSettings.known(settings, ConsumerConfig.configNames());
        this.clock = clock;
    }

    /**
     * Publishes the head if it moved on since the last checkpoint this replica published. A head behind that one
     * is never published: the chain only grows, so rows were cut from its end, and publishing the shorter head
     * would hide the cut from verification.
     */
    @Scheduled(fixedDelay = "${hub.audit.checkpoint-interval:10s}", initialDelay = "${hub.audit.checkpoint-interval:10s}")
    synchronized void publish() {
        Optional<AuditChain.Checkpoint> head = audit.head(clock.instant());
        if (head.isEmpty() || head.get().seq() == lastPublished) {
            return;
        }
        if (head.get().seq() < lastPublished) {
            LOG.error("The audit trail's head went back from row {} to row {}: rows were cut from its end; "
                    + "not publishing the shorter head", lastPublished, head.get().seq());
            return;
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("seq", head.get().seq());
        value.put("hash", head.get().hash());
        value.put("at", head.get().at().toString());
        producer.send(KEY, Json.toText(value));
        lastPublished = head.get().seq();
        LOG.debug("audit checkpoint published at row {}", lastPublished);
    }

    /** The latest published checkpoint, if any was ever published. */
    public Optional<AuditChain.Checkpoint> latest() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            if (end == 0) {
                return Optional.empty();
            }
            consumer.seek(partition, end - 1);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    return Optional.of(parse(r.value()));
                }
            }
            throw new IllegalStateException("cannot read the last audit checkpoint from " + topic);
        }
    }

    private static AuditChain.Checkpoint parse(String value) {
        try {
            JsonNode node = Json.mapper().readTree(value);
            return new AuditChain.Checkpoint(node.path("seq").asLong(), node.path("hash").asText(),
                    Instant.parse(node.path("at").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable audit checkpoint", e);
        }
    }
}
