package uk.gov.em.hub.queue.app;

import jakarta.inject.Singleton;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.app.CaseQueries;
import uk.gov.em.hub.cases.app.CaseSummary;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.queue.domain.DueOrderKey;
import uk.gov.em.hub.queue.domain.QueueOrder;
import uk.gov.em.hub.queue.domain.QueueOrderKey;

/**
 * Reads a caseworker queue for the API and the pages alike, keyset-paged: the cursor is the last row's
 * sort key, so pages stay stable while cases arrive and leave. Open cases are listed in priority order
 * (docs/policy.md §8) or earliest due first; withdrawn and closed ones in priority order.
 */
@Singleton
public class QueueQueries {

    private final CaseRepository cases;
    private final CaseQueries summaries;

    public QueueQueries(CaseRepository cases, CaseQueries summaries) {
        this.cases = cases;
        this.summaries = summaries;
    }

    /** A page of {@code queue}'s cases in {@code status}'s lane; {@code cursor} from the page before, or null. */
    public Page<CaseSummary> queue(Queue queue, CaseStatus status, QueueOrder order, PageLimit limit, String cursor) {
        if (status == CaseStatus.OPEN && order == QueueOrder.DUE) {
            DueOrderKey after = cursor == null ? null : DueOrderKey.fromCursor(cursor, queue);
            return Page.fromLookahead(cases.queueByDue(queue, after, limit.value() + 1), limit,
                    c -> DueOrderKey.of(c).toCursor(queue)).map(summaries::summary);
        }
        QueueOrderKey after = cursor == null ? null : QueueOrderKey.fromCursor(cursor, queue);
        return Page.fromLookahead(cases.queue(queue, status, after, limit.value() + 1), limit,
                c -> QueueOrderKey.of(c).toCursor(queue)).map(summaries::summary);
    }
}
