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
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.ingest.domain.BatchItem;
import uk.gov.em.gateway.ingest.domain.BatchOutcome;
import uk.gov.em.gateway.ingest.domain.BatchParser;
import uk.gov.em.gateway.ingest.domain.CsvReportParser;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /api/v1/notifications/batch}: a JSON array of up to 1,000 notifications, or a CSV daily report.
 * Good items are accepted and bad ones rejected individually; a body that is not a batch at all is refused
 * whole (400), and one with more than 1,000 notifications too (413, so the supplier splits it).
 *
 * <p>The 200 is sent only once every accepted notification is acknowledged by Kafka (acks=all). If any of
 * them is not acknowledged in time, the answer is 503 and claims nothing: the supplier sends the whole batch
 * again, which is safe because downstream de-duplicates by supplier and notificationId.
 */
@Controller("/api/v1/notifications/batch")
public class BatchController {

    private static final Logger LOG = LoggerFactory.getLogger(BatchController.class);

    private final IngestGate gate;
    private final BatchParser jsonParser;
    private final CsvReportParser csvParser;
    private final NotificationPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int maxBytes;
    private final int retryAfterSeconds;
    private final ExecutorService blocking;

    BatchController(IngestGate gate, NotificationPublisher publisher, IngestMetrics metrics, Clock clock,
            IngestProperties ingest, KafkaSettings kafka, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.gate = gate;
        NotificationParser parser = new NotificationParser();
        this.jsonParser = new BatchParser(parser, ingest.batchMaxItems());
        this.csvParser = new CsvReportParser(parser, ingest.batchMaxItems());
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBytes = ingest.batchMaxBytes();
        this.retryAfterSeconds = kafka.retryAfterSeconds();
        this.blocking = blocking;
    }

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> ingest(ServerHttpRequest<?> request) {
        Optional<HttpResponse<?>> declaredTooLarge = gate.declaredTooLarge(request, maxBytes);
        if (declaredTooLarge.isPresent()) {
            return CompletableFuture.completedFuture(declaredTooLarge.get());
        }
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
        Optional<BatchContentType> form = BatchContentType.of(request.getContentType());
        if (form.isEmpty()) {
            metrics.rejected(supplier, Reason.UNSUPPORTED_MEDIA_TYPE);
            return done(Problems.unsupportedMediaType("Content-Type must be application/json (an array of "
                    + "notifications) or text/csv (a daily report), in UTF-8", BatchContentType.ACCEPTED));
        }
        BatchOutcome outcome = form.get() == BatchContentType.JSON ? jsonParser.parseJson(raw, now) : csvParser.parse(raw, now);
        return switch (outcome) {
            case BatchOutcome.Unreadable unreadable -> {
                metrics.rejected(supplier, Reason.MALFORMED);
                yield done(Problems.malformedBatch(unreadable.problems()));
            }
            case BatchOutcome.TooManyItems tooMany -> {
                metrics.rejected(supplier, Reason.TOO_LARGE, tooMany.count());
                yield done(Problems.tooManyNotifications("a batch may carry at most " + tooMany.max()
                        + " notifications, not " + tooMany.count() + "; send it in smaller batches"));
            }
            case BatchOutcome.Items items -> gate.throttle(supplier, items.items().size())
                    .map(BatchController::done)
                    .orElseGet(() -> publish(supplier, now, items.items()));
        };
    }

    private CompletableFuture<HttpResponse<?>> publish(String supplier, Instant now, List<BatchItem> items) {
        List<ReceivedNotification> accepted = new ArrayList<>();
        List<BatchResult.Rejected> rejected = new ArrayList<>();
        for (BatchItem item : items) {
            switch (item.outcome()) {
                case ParseOutcome.Valid valid -> accepted.add(new ReceivedNotification(supplier, now, valid.notification()));
                case ParseOutcome.Invalid invalid -> {
                    metrics.rejected(supplier, invalid.malformed() ? Reason.MALFORMED : Reason.IMPOSSIBLE);
                    rejected.add(new BatchResult.Rejected(item.index(), item.notificationId(),
                            Problems.fieldErrors(invalid.problems())));
                }
            }
        }
        return publisher.publishAll(accepted).<HttpResponse<?>>handle((written, error) -> {
            if (error != null) {
                LOG.warn("Kafka did not take a batch of {} notifications from {} in time: {}",
                        accepted.size(), supplier, error.toString());
                metrics.rejected(supplier, Reason.UNAVAILABLE, accepted.size());
                return Problems.unavailable(retryAfterSeconds);
            }
            countAccepted(supplier, accepted);
            return HttpResponse.ok(new BatchResult(accepted.size(), rejected));
        });
    }

    private void countAccepted(String supplier, List<ReceivedNotification> accepted) {
        Map<BreachType, Long> byType = new EnumMap<>(BreachType.class);
        accepted.forEach(r -> byType.merge(r.notification().type(), 1L, Long::sum));
        byType.forEach((type, count) -> metrics.accepted(supplier, type, count));
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }
}
