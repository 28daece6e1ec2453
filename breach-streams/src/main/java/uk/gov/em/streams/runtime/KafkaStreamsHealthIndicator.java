package uk.gov.em.streams.runtime;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * {@code /health} is UP while the stream processor can do its job: Kafka Streams is RUNNING, or
 * REBALANCING (a normal, passing state when instances join or leave). Any other state (CREATED before
 * start, PENDING_ERROR, ERROR, shutting down) is DOWN. The state is kept in the details, which the endpoint does
 * not show (every service answers exactly {"status":"UP"}, docs/api/hub-api.md).
 */
@Singleton
class KafkaStreamsHealthIndicator implements HealthIndicator {

    static final String NAME = "kafkaStreams";

    private final KafkaStreams streams;

    KafkaStreamsHealthIndicator(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KafkaStreams.State state = streams.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return Publishers.just(HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("state", state.name()))
                .build());
    }
}
