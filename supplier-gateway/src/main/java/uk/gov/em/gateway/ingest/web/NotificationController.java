package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.ingest.domain.NotificationParser;
import uk.gov.em.gateway.ingest.domain.ParseOutcome;
import uk.gov.em.gateway.ingest.kafka.NotificationPublisher;
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

/**
 * {@code POST /api/v1/notifications}: one signed notification in, onto Kafka, 202 only once it is durable.
 * Checks in the order a careful webhook receiver does: size, signature over the raw bytes (before the
 * body is even parsed), content type, rate limit, the notification itself, then the write to Kafka.
 *
 * <p>No thread waits for the body or for Kafka's acknowledgement; only the checks and the hand-over to the
 * producer run on the blocking executor, because a send may wait for metadata or buffer room.
 */
@Controller("/api/v1/notifications")
public class NotificationController {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationController.class);

    private final IngestGate gate;
    private final NotificationParser parser = new NotificationParser();
    private final NotificationPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int maxBytes;
    private final int retryAfterSeconds;
    private final ExecutorService blocking;

    NotificationController(IngestGate gate, NotificationPublisher publisher, IngestMetrics metrics, Clock clock,
            IngestProperties ingest, KafkaSettings kafka, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.gate = gate;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBytes = ingest.singleMaxBytes();
        this.retryAfterSeconds = kafka.retryAfterSeconds();
        this.blocking = blocking;
    }

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> ingest(ServerHttpRequest<?> request) {
        Optional<HttpResponse<?>> declaredTooLarge = gate.declaredTooLarge(request, maxBytes);
        if (declaredTooLarge.isPresent()) {
            return CompletableFuture.completedFuture(declaredTooLarge.get());
        }
        // the raw bytes exactly as signed, read without holding a thread; then off the event loop,
        // because a Kafka send may wait up to max.block.ms
        return request.byteBody().buffer().thenComposeAsync(buffered -> {
            try (buffered) {
                return ingest(request, buffered.toByteArray());
            }
        }, blocking);
    }

    private CompletableFuture<HttpResponse<?>> ingest(HttpRequest<?> request, byte[] raw) {
        Instant now = clock.instant();
        String supplier;
        switch (gate.admit(request, raw, maxBytes, now)) {
            case Admission.Admitted a -> supplier = a.supplier();
            case Admission.Refused r -> {
                return done(r.response());
            }
        }
        Optional<String> mediaProblem = JsonContentType.problemWith(request.getContentType());
        if (mediaProblem.isPresent()) {
            metrics.rejected(supplier, Reason.UNSUPPORTED_MEDIA_TYPE);
            return done(Problems.unsupportedMediaType(mediaProblem.get()));
        }
        Optional<HttpResponse<?>> throttled = gate.throttle(supplier, 1);
        if (throttled.isPresent()) {
            return done(throttled.get());
        }
        return switch (parser.parse(raw, now)) {
            case ParseOutcome.Invalid invalid -> {
                metrics.rejected(supplier, invalid.malformed() ? Reason.MALFORMED : Reason.IMPOSSIBLE);
                yield done(Problems.invalid(invalid.problems(), invalid.malformed()));
            }
            case ParseOutcome.Valid valid -> publish(new ReceivedNotification(supplier, now, valid.notification()));
        };
    }

    private CompletableFuture<HttpResponse<?>> publish(ReceivedNotification received) {
        return publisher.publish(received).<HttpResponse<?>>handle((written, error) -> {
            if (error != null) {
                LOG.warn("Kafka did not take notification {} from {} in time: {}",
                        received.notification().notificationId(), received.supplier(), error.toString());
                metrics.rejected(received.supplier(), Reason.UNAVAILABLE);
                return Problems.unavailable(retryAfterSeconds);
            }
            metrics.accepted(received.supplier(), received.notification().type());
            return HttpResponse.accepted().body(NotificationAccepted.of(received.notification().notificationId()));
        });
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
