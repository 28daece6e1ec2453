package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.gateway.ingest.web.IngestGate.Admission;
import uk.gov.em.gateway.kafka.KafkaSettings;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flow every signed ingest endpoint shares, so each controller keeps only what is its own (how it parses a
 * body, what it answers): the declared size, the raw body read without holding a thread, admission (size,
 * signature, replay) over those raw bytes, the Content-Type, and finally the answer once Kafka has, or has not,
 * taken the notifications (503 with Retry-After, claiming nothing, when it has not).
 *
 * <p>No thread waits for the body or for Kafka's acknowledgement; only the checks and the hand-over to the
 * producer run on the blocking executor, because a send may wait for metadata or buffer room.
 */
@Singleton
class SignedIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(SignedIngestion.class);

    private final IngestGate gate;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int retryAfterSeconds;
    private final ExecutorService blocking;

    SignedIngestion(IngestGate gate, IngestMetrics metrics, Clock clock, KafkaSettings kafka,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.gate = gate;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfterSeconds = kafka.retryAfterSeconds();
        this.blocking = blocking;
    }

    /** What an endpoint makes of a request's Content-Type: the form it reads the body in, or the 415 refusing it. */
    sealed interface BodyForm<F> {
        /** The body is read as {@code form}. */
        record Readable<F>(F form) implements BodyForm<F> {
        }

        /** The body is not read at all; {@code refusal} is the 415 to answer. */
        record Unsupported<F>(HttpResponse<?> refusal) implements BodyForm<F> {
        }
    }

    /** A request that passed every shared check: who sent it, when, the bytes exactly as signed, and their form. */
    record Admitted<F>(String supplier, Instant receivedAt, byte[] raw, F form) {
    }

    /** The part of an ingest endpoint that is its own: what it does with an admitted body. */
    @FunctionalInterface
    interface Endpoint<F> {
        CompletableFuture<HttpResponse<?>> ingest(Admitted<F> admitted);
    }

    /** Runs the shared checks on {@code request}, then hands it to {@code endpoint}; the first refusal answers. */
    <F> CompletableFuture<HttpResponse<?>> ingest(ServerHttpRequest<?> request, int maxBytes,
            Function<Optional<MediaType>, BodyForm<F>> contentType, Endpoint<F> endpoint) {
        Optional<HttpResponse<?>> declaredTooLarge = gate.declaredTooLarge(request, maxBytes);
        if (declaredTooLarge.isPresent()) {
            return done(declaredTooLarge.get());
        }
        // the raw bytes exactly as signed, read without holding a thread; then off the event loop,
        // because a Kafka send may wait up to max.block.ms
        return request.byteBody().buffer().thenComposeAsync(buffered -> {
            try (buffered) {
                return ingest(request, buffered.toByteArray(), maxBytes, contentType, endpoint);
            }
        }, blocking);
    }

    private <F> CompletableFuture<HttpResponse<?>> ingest(ServerHttpRequest<?> request, byte[] raw, int maxBytes,
            Function<Optional<MediaType>, BodyForm<F>> contentType, Endpoint<F> endpoint) {
        Instant now = clock.instant();
        String supplier;
        switch (gate.admit(request, raw, maxBytes, now)) {
            case Admission.Admitted a -> supplier = a.supplier();
            case Admission.Refused r -> {
                return done(r.response());
            }
        }
        return switch (contentType.apply(request.getContentType())) {
            case BodyForm.Unsupported<F> unsupported -> done(gate.throttle(supplier, 1).orElseGet(() -> {
                metrics.rejected(supplier, Reason.UNSUPPORTED_MEDIA_TYPE);
                return unsupported.refusal();
            }));
            case BodyForm.Readable<F> readable -> endpoint.ingest(new Admitted<>(supplier, now, raw, readable.form()));
        };
    }

    /**
     * The answer to a write of {@code count} notifications ({@code what}, for the log) from {@code supplier}:
     * {@code onWritten} once Kafka has acknowledged it, else 503 with Retry-After, counted as unavailable.
     */
    CompletableFuture<HttpResponse<?>> answerOnceWritten(CompletableFuture<?> write, String supplier, int count,
            String what, Supplier<HttpResponse<?>> onWritten) {
        return write.<HttpResponse<?>>handle((written, error) -> {
            if (error != null) {
                LOG.warn("Kafka did not take {} from {} in time: {}", what, supplier, error.toString());
                metrics.rejected(supplier, Reason.UNAVAILABLE, count);
                return Problems.unavailable(retryAfterSeconds);
            }
            return onWritten.get();
        });
    }

    static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
