package uk.gov.em.hub.queue.domain;

import uk.gov.em.hub.common.domain.Rejection;

/** The path names no queue; the hub has warnings, reviews and prosecutions. */
public final class UnknownQueue extends Rejection {

    public UnknownQueue(String path) {
        super(Kind.NOT_FOUND, "unknown-queue", "Unknown queue",
                "there is no queue '" + path + "'; the queues are warnings, reviews and prosecutions");
    }
}
