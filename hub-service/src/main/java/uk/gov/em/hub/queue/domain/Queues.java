package uk.gov.em.hub.queue.domain;

import uk.gov.em.contracts.Queue;

/** Reads a queue from the word a client sends (the same words as in URLs and on the wire). */
public final class Queues {

    private Queues() {
    }

    /**
     * The queue this path word names.
     *
     * @throws UnknownQueue when it names none
     */
    public static Queue fromPath(String path) {
        return Queue.fromPath(path).orElseThrow(() -> new UnknownQueue(path));
    }
}
