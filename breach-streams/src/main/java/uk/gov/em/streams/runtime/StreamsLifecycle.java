package uk.gov.em.streams.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Starts the stream processor when the application starts and closes it cleanly when it stops, with its
 * Kafka Streams metrics bound to Micrometer for as long as it runs.
 */
@Singleton
class StreamsLifecycle implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final MeterRegistry registry;

    StreamsLifecycle(KafkaStreams streams, MeterRegistry registry) {
        this.streams = streams;
        this.registry = registry;
        this.metrics = new KafkaStreamsMetrics(streams);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    /** Binds the metrics, sets what happens when a stream thread dies ({@link StreamThreadFailures}), and starts. */
    void start() {
        metrics.bindTo(registry);
        streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(new StreamThreadFailures(Clock.systemUTC()));
        streams.start();
    }

    /**
     * Leaves the consumer group on the way out, so the instance that takes over (a restart, a rolling
     * deploy) is given the partitions at once instead of after the old member's session times out.
     */
    @PreDestroy
    void close() {
        streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        metrics.close();
    }
}
