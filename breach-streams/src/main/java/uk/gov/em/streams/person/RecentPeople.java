package uk.gov.em.streams.person;

import org.apache.kafka.streams.state.KeyValueStore;
import uk.gov.em.streams.person.domain.PersonState;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The person-store as the person's step uses it (ADR 0010): the decoded states of the people a task saw most
 * recently are kept in memory, so a person's next notification reads their state from here instead of fetching it
 * from the store and decoding it again; and a changed state is kept here until {@link #writeChanged()} writes it,
 * so a person with several notifications between two writes is encoded, stored and changelogged once.
 *
 * <p>What is here and not yet written is the only copy: {@code PersonProcessor} decides when to write, and what a
 * task restarting after a crash must read of its input again to rebuild it. Each task builds a new one whenever its
 * processor is initialised, which Kafka Streams does after every restore, rebalance and aborted transaction, so it
 * never outlives the store it stands in front of. Bounded: beyond {@code capacity} people the least recently used
 * person already written is forgotten (and read from the store again when needed); changed states are never
 * forgotten, and the processor writes them before there are {@code capacity} of them.
 */
final class RecentPeople {

    private final KeyValueStore<String, PersonState> store;
    private final int capacity;
    private final Map<String, PersonState> recent;
    private final Set<String> changed = new LinkedHashSet<>();

    RecentPeople(KeyValueStore<String, PersonState> store, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.store = store;
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PersonState> eldest) {
                return size() > capacity && !changed.contains(eldest.getKey());
            }
        };
    }

    /** The person's state, or null when there is none. */
    PersonState get(String subjectId) {
        PersonState state = recent.get(subjectId);
        if (state == null) {
            state = store.get(subjectId);
            if (state != null) {
                recent.put(subjectId, state);
            }
        }
        return state;
    }

    /** The person's new state, held here until the next {@link #writeChanged()}. */
    void change(String subjectId, PersonState state) {
        recent.put(subjectId, state);
        changed.add(subjectId);
    }

    /** Whether as many changed states are held as people may be: time to write them. */
    boolean full() {
        return changed.size() >= capacity;
    }

    /** Writes every changed state to the store (and so to its changelog); returns how many were written. */
    int writeChanged() {
        int written = changed.size();
        for (String subjectId : changed) {
            store.put(subjectId, recent.get(subjectId));
        }
        changed.clear();
        // While the least recently used was a change not yet written, nobody was forgotten: catch up now.
        Iterator<String> eldestFirst = recent.keySet().iterator();
        while (recent.size() > capacity && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
        return written;
    }

    /** How many people are held (for tests). */
    int held() {
        return recent.size();
    }
}
