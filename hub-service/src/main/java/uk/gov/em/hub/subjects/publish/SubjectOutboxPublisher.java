package uk.gov.em.hub.subjects.publish;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;
import uk.gov.em.hub.subjects.persistence.SubjectRepository.OutboxRow;

import java.time.Clock;
import java.util.List;

/**
 * The transactional outbox's publisher: every {@code hub.subjects.publish-interval} it sends the
 * unpublished subject changes to em.subjects in the order they were made, and marks them published in
 * the same database transaction only after the broker acknowledged them. A crash or a broker outage in
 * between leaves them unpublished, so they are sent again: at least once, in order, which a compacted
 * topic keyed by subject absorbs. Only one instance publishes at a time (an advisory lock).
 */
@Singleton
public class SubjectOutboxPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SubjectOutboxPublisher.class);
    private static final int BATCH = 500;

    private final SubjectRepository subjects;
    private final SubjectProducer producer;
    private final Clock clock;

    public SubjectOutboxPublisher(SubjectRepository subjects, SubjectProducer producer, Clock clock) {
        this.subjects = subjects;
        this.producer = producer;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${hub.subjects.publish-interval:250ms}", initialDelay = "1s")
    void tick() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warn("Cannot publish subject changes yet; they stay in the outbox: {}", e.toString());
        }
    }

    /** Publishes one batch; the number of subject changes sent. */
    @Transactional
    public int publishPending() {
        List<OutboxRow> rows = subjects.pendingIfLeader(BATCH);
        for (OutboxRow row : rows) {
            producer.send(row.subjectId(), row.payload());
        }
        if (!rows.isEmpty()) {
            subjects.markPublished(rows, clock.instant());
        }
        return rows.size();
    }
}
