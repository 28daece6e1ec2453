package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.ingest.domain.BatchItem;
import uk.gov.em.gateway.ingest.domain.BatchOutcome;
import uk.gov.em.gateway.ingest.domain.BatchParser;
import uk.gov.em.gateway.ingest.domain.CsvReportParser;
import uk.gov.em.gateway.ingest.domain.NotificationParser;
import uk.gov.em.gateway.ingest.domain.ParseOutcome;
import uk.gov.em.gateway.ingest.kafka.NotificationPublisher;
import uk.gov.em.gateway.metrics.IngestMetrics;
import uk.gov.em.gateway.metrics.IngestMetrics.Reason;
import uk.gov.em.gateway.problem.Problems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/notifications/batch}: a JSON array of up to 1,000 notifications, or a CSV daily report.
 * Good items are accepted and bad ones rejected individually; a body that is not a batch at all is refused
 * whole (400), and one with more than 1,000 notifications too (413, so the supplier splits it).
 * {@link SignedIngestFilter} has already checked size, signature, replay and content type; this parses the batch,
 * charges the supplier's allowance for the notifications counted (one for a refused batch) and publishes.
 *
 * <p>The 200 is sent only once every accepted notification is acknowledged by Kafka (acks=all). If any of
 * them is not acknowledged in time, the answer is 503 and claims nothing: the supplier sends the whole batch
 * again, which is safe because downstream de-duplicates by supplier and notificationId.
 */
@Controller(SignedIngestFilter.BATCH)
public class BatchController {

    private final BatchParser jsonParser;
    private final CsvReportParser csvParser;
    private final SupplierAllowance allowance;
    private final NotificationPublisher publisher;
    private final OnceWritten onceWritten;
    private final IngestMetrics metrics;

    BatchController(SupplierAllowance allowance, NotificationPublisher publisher, OnceWritten onceWritten,
            IngestMetrics metrics, IngestProperties ingest) {
        NotificationParser parser = new NotificationParser();
        this.jsonParser = new BatchParser(parser, ingest.batchMaxItems());
        this.csvParser = new CsvReportParser(parser, ingest.batchMaxItems());
        this.allowance = allowance;
        this.publisher = publisher;
        this.onceWritten = onceWritten;
        this.metrics = metrics;
    }

    @Post(consumes = MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> ingest(@RequestAttribute(SignedBody.ATTRIBUTE) SignedBody signed) {
        String supplier = signed.supplier();
        Instant now = signed.receivedAt();
        BatchOutcome outcome = signed.form() == BatchContentType.JSON
                ? jsonParser.parseJson(signed.raw(), now)
                : csvParser.parse(signed.raw(), now);
        // a refused batch still costs its supplier one notification of allowance: refusals are no free retries
        return switch (outcome) {
            case BatchOutcome.Unreadable unreadable -> done(allowance.spend(supplier, 1).orElseGet(() -> {
                metrics.rejected(supplier, Reason.MALFORMED);
                return Problems.malformedBatch(unreadable.problems());
            }));
            case BatchOutcome.TooManyItems tooMany -> done(allowance.spend(supplier, 1).orElseGet(() -> {
                metrics.rejected(supplier, Reason.TOO_LARGE, tooMany.count());
                return Problems.tooManyNotifications("a batch may carry at most " + tooMany.max()
                        + " notifications, not " + tooMany.count() + "; send it in smaller batches");
            }));
            case BatchOutcome.Items items -> allowance.spend(supplier, items.items().size())
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
        return onceWritten.answer(publisher.publishAll(accepted), supplier, accepted.size(),
                "a batch of " + accepted.size() + " notifications", () -> {
                    countAccepted(supplier, accepted);
                    return HttpResponse.ok(new BatchResult(accepted.size(), rejected));
                });
    }

    private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
        return CompletableFuture.completedFuture(response);
    }

    private void countAccepted(String supplier, List<ReceivedNotification> accepted) {
        Map<BreachType, Long> byType = new EnumMap<>(BreachType.class);
        accepted.forEach(r -> byType.merge(r.notification().type(), 1L, Long::sum));
        byType.forEach((type, count) -> metrics.accepted(supplier, type, count));
    }
}
