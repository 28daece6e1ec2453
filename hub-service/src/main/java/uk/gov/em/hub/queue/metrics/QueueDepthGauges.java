package uk.gov.em.hub.queue.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository.QueueDepth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Publishes, per queue, how many cases are open ({@code em_hub_queue_depth}), how many are overdue
 * ({@code em_hub_queue_overdue}) and how long the oldest of
 * them has waited since the hub stored it ({@code em_hub_queue_oldest_open_age_seconds}). One grouped
 * query refreshes both on a schedule, so a Prometheus scrape never touches PostgreSQL. Created eagerly
 * so the gauges exist from the first scrape.
 */
@Context
public class QueueDepthGauges {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthGauges.class);

    private final CaseRepository cases;
    private final Clock clock;
    private volatile Map<Queue, QueueDepth> depths = Map.of();

    public QueueDepthGauges(CaseRepository cases, Clock clock, MeterRegistry registry) {
        this.cases = cases;
        this.clock = clock;
        for (Queue queue : Queue.values()) {
            Gauge.builder("em.hub.queue.depth", this, g -> g.depth(queue).open())
                    .description("Open cases in the queue")
                    .tag("queue", queue.path())
                    .register(registry);
            Gauge.builder("em.hub.queue.oldest.open.age", this, g -> g.oldestAgeSeconds(queue))
                    .description("Seconds since the oldest open case in the queue was stored")
                    .baseUnit("seconds")
                    .tag("queue", queue.path())
                    .register(registry);
            Gauge.builder("em.hub.queue.unallocated", this, g -> g.depth(queue).unallocated())
                    .description("Open cases in the queue that nobody holds a live claim on")
                    .tag("queue", queue.path())
                    .register(registry);
            Gauge.builder("em.hub.queue.overdue", this, g -> g.depth(queue).overdue())
                    .description("Open cases in the queue whose next action is overdue by its time target")
                    .tag("queue", queue.path())
                    .register(registry);
            Gauge.builder("em.hub.queue.oldest.unallocated.age", this, g -> g.age(g.depth(queue).oldestUnallocatedStoredAt()))
                    .description("Seconds since the oldest unallocated case in the queue was stored")
                    .baseUnit("seconds")
                    .tag("queue", queue.path())
                    .register(registry);
        }
    }

    @Scheduled(fixedDelay = "${hub.metrics.queue-depth-refresh:15s}", initialDelay = "1s")
    void refresh() {
        try {
            depths = new EnumMap<>(cases.openDepths(clock.instant()));
        } catch (RuntimeException e) {
            // the gauges keep their last values; /health reports the database
            LOG.warn("Cannot refresh queue depth gauges: {}", e.getMessage());
        }
    }

    private QueueDepth depth(Queue queue) {
        return depths.getOrDefault(queue, QueueDepth.EMPTY);
    }

    private double oldestAgeSeconds(Queue queue) {
        return age(depth(queue).oldestStoredAt());
    }

    private double age(Instant oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }
}
