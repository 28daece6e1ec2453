package uk.gov.em.gateway.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.gov.em.contracts.KafkaClientSettings;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.json.JsonSerde;

import java.util.Map;
import java.util.Set;

/**
 * The Kafka clients of the gateway. Any Kafka client setting can be passed as {@code kafka.<name>}
 * (so {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}...
 * from the environment reach a real cluster); the durability settings of the supplier API are then
 * imposed on top and cannot be weakened by configuration.
 */
@Factory
public class KafkaClientsFactory {

    private final Map<String, Object> passThrough;
    private final KafkaSettings settings;

    public KafkaClientsFactory(@Property(name = "kafka") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                               Map<String, Object> passThrough, KafkaSettings settings) {
        this.passThrough = passThrough;
        this.settings = settings;
    }

    @Singleton
    @Bean(preDestroy = "close")
    public Producer<String, ReceivedNotification> notificationProducer() {
        Map<String, Object> config = known(ProducerConfig.configNames());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, config.getOrDefault(ProducerConfig.CLIENT_ID_CONFIG, "supplier-gateway"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compressionType());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlockMs());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, settings.deliveryTimeoutMs());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.requestTimeoutMs());
        JsonSerde<ReceivedNotification> values = JsonSerde.of(ReceivedNotification.class);
        return new KafkaProducer<>(config, new StringSerializer(), values.serializer());
    }

    @Singleton
    @Bean(preDestroy = "close")
    public Admin healthAdmin() {
        Map<String, Object> config = known(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "supplier-gateway-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.healthTimeoutMs());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, settings.healthTimeoutMs());
        return Admin.create(config);
    }

    private Map<String, Object> known(Set<String> names) {
        return KafkaClientSettings.known(passThrough, names);
    }
}
