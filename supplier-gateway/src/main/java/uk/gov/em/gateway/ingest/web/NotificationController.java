package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.ingest.domain.NotificationParser;
import uk.gov.em.gateway.ingest.domain.ParseOutcome;
import uk.gov.em.gateway.ingest.kafka.NotificationPublisher;
import uk.gov.em.gateway.ingest.web.SignedIngestion.Admitted;
import uk.gov.em.gateway.ingest.web.SignedIngestion.BodyForm;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static uk.gov.em.gateway.ingest.web.SignedIngestion.done;

/**
 * {@code POST /api/v1/notifications}: one signed notification in, onto Kafka, 202 only once it is durable.
 * Checks in the order a careful webhook receiver does: size, signature over the raw bytes (before the
 * body is even parsed), content type (all three in {@link SignedIngestion}), rate limit, the notification
 * itself, then the write to Kafka.
 */
@Controller("/api/v1/notifications")
public class NotificationController {

    private final SignedIngestion ingestion;
    private final IngestGate gate;
    private final NotificationParser parser = new NotificationParser();
    private final NotificationPublisher publisher;
    private final IngestMetrics metrics;
    private final int maxBytes;

    NotificationController(SignedIngestion ingestion, IngestGate gate, NotificationPublisher publisher,
            IngestMetrics metrics, IngestProperties ingest) {
        this.ingestion = ingestion;
        this.gate = gate;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBytes = ingest.singleMaxBytes();
    }

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> ingest(ServerHttpRequest<?> request) {
        return ingestion.ingest(request, maxBytes, NotificationController::jsonOnly, this::ingest);
    }

    /** Only JSON is read; the form carries nothing further. */
    private static BodyForm<MediaType> jsonOnly(Optional<MediaType> contentType) {
        return JsonContentType.problemWith(contentType)
                .<BodyForm<MediaType>>map(problem -> new BodyForm.Unsupported<>(Problems.unsupportedMediaType(problem)))
                .orElseGet(() -> new BodyForm.Readable<>(contentType.orElseThrow()));
    }

    private CompletableFuture<HttpResponse<?>> ingest(Admitted<MediaType> admitted) {
        String supplier = admitted.supplier();
        Optional<HttpResponse<?>> throttled = gate.throttle(supplier, 1);
        if (throttled.isPresent()) {
            return done(throttled.get());
        }
        return switch (parser.parse(admitted.raw(), admitted.receivedAt())) {
            case ParseOutcome.Invalid invalid -> {
                metrics.rejected(supplier, invalid.malformed() ? Reason.MALFORMED : Reason.IMPOSSIBLE);
                yield done(Problems.invalid(invalid.problems(), invalid.malformed()));
            }
            case ParseOutcome.Valid valid ->
                    publish(new ReceivedNotification(supplier, admitted.receivedAt(), valid.notification()));
        };
    }

    private CompletableFuture<HttpResponse<?>> publish(ReceivedNotification received) {
        String id = received.notification().notificationId();
        return ingestion.answerOnceWritten(publisher.publish(received), received.supplier(), 1, "notification " + id,
                () -> {
                    metrics.accepted(received.supplier(), received.notification().type());
                    return HttpResponse.accepted().body(NotificationAccepted.of(id));
                });
    }
}
