package uk.gov.em.gateway.kafka;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.health.HealthStatus;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /health} is UP only while the Kafka cluster answers: the gateway cannot accept anything without it.
 * Asks the cluster for its id and brokers, bounded by {@code gateway.kafka.health-timeout-ms}.
 */
@Singleton
public class KafkaHealthIndicator implements HealthIndicator {

    static final String NAME = "kafka";

    private final Admin admin;
    private final int timeoutMs;

    public KafkaHealthIndicator(Admin admin, KafkaSettings settings) {
        this.admin = admin;
        this.timeoutMs = settings.healthTimeoutMs();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
        CompletableFuture<HealthResult> result = cluster.clusterId().toCompletionStage().toCompletableFuture()
                .thenCombine(cluster.nodes().toCompletionStage(), (id, nodes) ->
                        HealthResult.builder(NAME, HealthStatus.UP)
                                .details(Map.of("clusterId", id, "brokers", nodes.size()))
                                .build())
                // a message, not the exception: Micronaut logs a DOWN exception with its stack trace on every poll
                .exceptionally(e -> HealthResult.builder(NAME, HealthStatus.DOWN)
                        .details(Map.of("error", String.valueOf((e.getCause() != null ? e.getCause() : e).getMessage())))
                        .build());
        return Publishers.fromCompletableFuture(result);
    }
}
