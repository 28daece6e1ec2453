package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.ingest.domain.NotificationParser;
import uk.gov.em.gateway.ingest.domain.ParseOutcome;
import uk.gov.em.gateway.ingest.kafka.NotificationPublisher;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/notifications}: one signed notification in, onto Kafka, 202 only once it is durable.
 * {@link SignedIngestFilter} has already checked size, signature, replay, content type and rate limit; this
 * parses the notification (400 / 422) and publishes it.
 */
@Controller(SignedIngestFilter.SINGLE)
public class NotificationController {

    private final NotificationParser parser = new NotificationParser();
    private final NotificationPublisher publisher;
    private final OnceWritten onceWritten;
    private final IngestMetrics metrics;

    NotificationController(NotificationPublisher publisher, OnceWritten onceWritten, IngestMetrics metrics) {
        this.publisher = publisher;
        this.onceWritten = onceWritten;
        this.metrics = metrics;
    }

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> ingest(@RequestAttribute(SignedBody.ATTRIBUTE) SignedBody signed) {
        String supplier = signed.supplier();
        return switch (parser.parse(signed.raw(), signed.receivedAt())) {
            case ParseOutcome.Invalid invalid -> {
                metrics.rejected(supplier, invalid.malformed() ? Reason.MALFORMED : Reason.IMPOSSIBLE);
                yield CompletableFuture.completedFuture(Problems.invalid(invalid.problems(), invalid.malformed()));
            }
            case ParseOutcome.Valid valid ->
                    publish(new ReceivedNotification(supplier, signed.receivedAt(), valid.notification()));
        };
    }

    private CompletableFuture<HttpResponse<?>> publish(ReceivedNotification received) {
        String id = received.notification().notificationId();
        return onceWritten.answer(publisher.publish(received), received.supplier(), 1, "notification " + id, () -> {
            metrics.accepted(received.supplier(), received.notification().type());
            return HttpResponse.accepted().body(NotificationAccepted.of(id));
        });
    }
}
