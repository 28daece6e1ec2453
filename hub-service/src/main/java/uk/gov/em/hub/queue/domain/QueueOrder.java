package uk.gov.em.hub.queue.domain;

import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Locale;

/**
 * How a queue is ordered: {@code priority} (policy §8: severity, harm, oldest trigger) or {@code due}
 * (earliest due date first). The API lists every queue in priority order unless asked otherwise, as its
 * contract says; the prosecutions page shows its queue in due order by default, because there the due
 * dates follow the legal clock and a caseworker must see first what runs out first.
 */
public enum QueueOrder {
    PRIORITY,
    DUE;

    public static final String PARAMETER = "order";

    /** The order a query word names, or the API's default (priority) when there is none. */
    public static QueueOrder of(String word) {
        return word == null ? PRIORITY : named(word);
    }

    /** The order a query word names, or the queue's page's default when there is none. */
    public static QueueOrder onPage(String word, Queue queue) {
        if (word == null) {
            return queue == Queue.PROSECUTIONS ? DUE : PRIORITY;
        }
        return named(word);
    }

    private static QueueOrder named(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "priority" -> PRIORITY;
            case "due" -> DUE;
            default -> throw new InvalidParameter(PARAMETER, "must be priority or due (was '" + word + "')");
        };
    }
}
