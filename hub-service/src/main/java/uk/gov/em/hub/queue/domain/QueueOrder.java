package uk.gov.em.hub.queue.domain;

import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Locale;

/**
 * How a queue is ordered: {@code priority} (breach-policy.md §8: severity, harm, oldest trigger) or
 * {@code due} (earliest due date first). The prosecutions queue is in due order unless asked otherwise,
 * because its due dates follow the legal clock; the others are in priority order.
 */
public enum QueueOrder {
    PRIORITY,
    DUE;

    public static final String PARAMETER = "order";

    /** The order a query word names, or the queue's default when there is none. */
    public static QueueOrder of(String word, Queue queue) {
        if (word == null) {
            return queue == Queue.PROSECUTIONS ? DUE : PRIORITY;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "priority" -> PRIORITY;
            case "due" -> DUE;
            default -> throw new InvalidParameter(PARAMETER, "must be priority or due (was '" + word + "')");
        };
    }
}
