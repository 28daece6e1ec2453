package uk.gov.em.hub.common.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the hub's feeds wait before polling again a batch they could not store for a transient reason
 * ({@code hub.ingest.*}): {@code retryDelay} after the first failure, doubling with each failure in a row,
 * never more than {@code maxRetryDelay}, which stays well under the consumer's {@code max.poll.interval.ms}.
 */
@ConfigurationProperties("hub.ingest")
public record IngestProperties(@Bindable(defaultValue = "1s") Duration retryDelay,
                               @Bindable(defaultValue = "30s") Duration maxRetryDelay) {

    /** The wait before the next attempt after {@code failuresInARow} failures (1 or more). */
    public Duration backoff(int failuresInARow) {
        Duration delay = retryDelay;
        for (int i = 1; i < failuresInARow && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
