package uk.gov.em.streams.dedup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.streams.dedup.domain.IdentityRule;
import uk.gov.em.streams.dedup.domain.Retraction;
import uk.gov.em.streams.dedup.domain.Sighting;

import java.time.Duration;
import java.util.Optional;

/**
 * Applies {@link IdentityRule} to every copy of every notification, keyed by its identity (supplier/
 * notificationId), and passes on a {@link Retraction} keyed by the {@code subjectId} of the copy that lost.
 *
 * <p>Copies are kept in a window store stamped with their {@code receivedAt}, and an arriving copy is compared
 * with those received within the de-duplication horizon either side of it — its own time, not this task's
 * stream time, because copies reach this task from every partition of the input in an order that depends on
 * how far each upstream task has got (in a replay that can be days). The store keeps twice the horizon (see
 * {@link #retention}): a replay whose partitions drift apart by up to one horizon decides as the live run did.
 * Segments older than that, by stream time, are dropped whole, so the store is bounded without a sweep. A copy
 * received earlier than the one kept is stored beside it; the earliest stored copy is always the one that counts.
 */
public final class IdentityCheckProcessor implements Processor<String, Sighting, String, Retraction> {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCheckProcessor.class);

    private final String storeName;
    private final Duration horizon;
    private ProcessorContext<String, Retraction> context;
    private WindowStore<String, Sighting> firstCopies;

    /** How long the store must keep copies for a de-duplication horizon of {@code horizon}. */
    public static Duration retention(Duration horizon) {
        return horizon.multipliedBy(2);
    }

    public IdentityCheckProcessor(String storeName, Duration horizon) {
        this.storeName = storeName;
        this.horizon = horizon;
    }

    @Override
    public void init(ProcessorContext<String, Retraction> context) {
        this.context = context;
        this.firstCopies = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Sighting> record) {
        String identity = record.key();
        Sighting arriving = record.value();
        switch (IdentityRule.decide(first(identity, arriving), arriving)) {
            case IdentityRule.Remember remember -> keep(identity, remember.first());
            case IdentityRule.SamePerson ignored -> {
                // the person's own de-duplication decides about copies naming the same person
            }
            case IdentityRule.OtherPerson other -> {
                Retraction retraction = other.retraction();
                if (retraction.kept() == arriving) {
                    keep(identity, arriving);
                }
                LOG.info("{}: copies name {} and {}; retracting the copy for {}", identity,
                        retraction.kept().subjectId(), retraction.withdrawn().subjectId(),
                        retraction.withdrawn().subjectId());
                context.forward(new Record<>(retraction.withdrawn().subjectId(), retraction,
                        retraction.withdrawn().receivedAt().toEpochMilli()));
            }
        }
    }

    private void keep(String identity, Sighting first) {
        firstCopies.put(identity, first, first.receivedAt().toEpochMilli());
    }

    /** The earliest copy kept of {@code identity} within the horizon either side of {@code arriving}. */
    private Optional<Sighting> first(String identity, Sighting arriving) {
        long at = arriving.receivedAt().toEpochMilli();
        long from = Math.max(0, at - horizon.toMillis());
        long to = at > Long.MAX_VALUE - horizon.toMillis() ? Long.MAX_VALUE : at + horizon.toMillis();
        Sighting earliest = null;
        try (WindowStoreIterator<Sighting> kept = firstCopies.fetch(identity, from, to)) {
            while (kept.hasNext()) {
                Sighting candidate = kept.next().value;
                earliest = earliest == null || Sighting.FIRST_RECEIVED.compare(candidate, earliest) < 0 ? candidate : earliest;
            }
        }
        return Optional.ofNullable(earliest);
    }
}
