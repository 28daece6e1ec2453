package uk.gov.em.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The caseworker queues. On the wire (and in hub URLs) a queue is its lower-case path word. */
public enum Queue {
    WARNINGS("warnings"),
    REVIEWS("reviews"),
    PROSECUTIONS("prosecutions");

    private final String path;

    Queue(String path) {
        this.path = path;
    }

    @JsonValue
    public String path() {
        return path;
    }

    /** The queue whose path word this is, if any. */
    public static Optional<Queue> fromPath(String path) {
        return Arrays.stream(values()).filter(q -> q.path.equals(path)).findFirst();
    }

    @JsonCreator
    static Queue fromJson(String path) {
        return fromPath(path).orElseThrow(() -> new IllegalArgumentException("unknown queue: " + path));
    }
}
