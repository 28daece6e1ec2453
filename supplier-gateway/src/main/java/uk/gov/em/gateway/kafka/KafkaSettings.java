package uk.gov.em.gateway.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the gateway uses Kafka ({@code gateway.kafka.*}). A send is given at most {@code maxBlockMs} to
 * find room and metadata plus {@code deliveryTimeoutMs} to be acknowledged by every in-sync replica;
 * past that the supplier gets 503 with {@code Retry-After: retryAfterSeconds}.
 */
@ConfigurationProperties("gateway.kafka")
public record KafkaSettings(
        @Bindable(defaultValue = "2000") int maxBlockMs,
        @Bindable(defaultValue = "5000") int deliveryTimeoutMs,
        @Bindable(defaultValue = "2") int lingerMs,
        @Bindable(defaultValue = "lz4") String compressionType,
        @Bindable(defaultValue = "5") int retryAfterSeconds,
        @Bindable(defaultValue = "2000") int healthTimeoutMs) {

    public KafkaSettings {
        if (deliveryTimeoutMs <= lingerMs) {
            throw new IllegalArgumentException("gateway.kafka.delivery-timeout-ms must exceed linger-ms");
        }
    }

    /** Kafka requires delivery.timeout.ms ≥ linger.ms + request.timeout.ms; spend the rest on the request. */
    public int requestTimeoutMs() {
        return deliveryTimeoutMs - lingerMs;
    }
}
