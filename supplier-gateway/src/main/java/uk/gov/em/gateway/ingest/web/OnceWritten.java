package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.gateway.kafka.KafkaSettings;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The answer to a write to Kafka, without a thread waiting for it: the endpoint's success once every record is
 * acknowledged, else 503 with Retry-After that claims nothing (the supplier sends again; downstream de-duplicates).
 */
@Singleton
class OnceWritten {

    private static final Logger LOG = LoggerFactory.getLogger(OnceWritten.class);

    private final IngestMetrics metrics;
    private final int retryAfterSeconds;

    OnceWritten(IngestMetrics metrics, KafkaSettings kafka) {
        this.metrics = metrics;
        this.retryAfterSeconds = kafka.retryAfterSeconds();
    }

    /** {@code onWritten} once {@code write} of {@code count} notifications ({@code what}, for the log) succeeds. */
    CompletableFuture<HttpResponse<?>> answer(CompletableFuture<?> write, String supplier, int count, String what,
            Supplier<HttpResponse<?>> onWritten) {
        return write.<HttpResponse<?>>handle((written, error) -> {
            if (error != null) {
                LOG.warn("Kafka did not take {} from {} in time: {}", what, supplier, error.toString());
                metrics.rejected(supplier, Reason.UNAVAILABLE, count);
                return Problems.unavailable(retryAfterSeconds);
            }
            return onWritten.get();
        });
    }
}
