package uk.gov.em.streams.dedup;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.dedup.domain.DuplicateRule;
import uk.gov.em.streams.dedup.domain.NotificationFingerprint;
import uk.gov.em.streams.dedup.domain.SeenNotification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies {@link DuplicateRule} to notifications keyed by their identity (supplier/notificationId),
 * remembering each first copy in a persistent, changelogged store, and re-keys what it passes on by
 * {@code subjectId}. Same-again copies are dropped here; conflicting copies go on as reports.
 *
 * <p><b>Retention.</b> A punctuator sweeps the store every {@code purgeInterval} of <em>stream time</em> and
 * forgets identities first seen more than the horizon earlier. Stream time is used, not wall-clock time,
 * because record time here is the gateway's {@code receivedAt}: on a replay of months of history into a
 * fresh application the store then forgets exactly what it forgot the first time, so every decision (and
 * every conflict report) replays identically; wall-clock time would forget the whole history at once and
 * let old resends through as new. A partition with no traffic does not advance stream time, but it also
 * adds nothing to the store, so it cannot grow without bound.
 */
public final class DeduplicationProcessor implements Processor<String, ReceivedNotification, String, Deduplicated> {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicationProcessor.class);

    private final String storeName;
    private final Duration horizon;
    private final Duration purgeInterval;
    private final Consumer<DedupDecision> onDecision;
    private ProcessorContext<String, Deduplicated> context;
    private KeyValueStore<String, SeenNotification> seen;
    private Cancellable purge;

    public DeduplicationProcessor(String storeName, Duration horizon, Duration purgeInterval,
                                  Consumer<DedupDecision> onDecision) {
        this.storeName = storeName;
        this.horizon = horizon;
        this.purgeInterval = purgeInterval;
        this.onDecision = onDecision;
    }

    @Override
    public void init(ProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.purge = context.schedule(purgeInterval, PunctuationType.STREAM_TIME,
                streamTime -> forgetOlderThanHorizon(Instant.ofEpochMilli(streamTime)));
    }

    @Override
    public void process(Record<String, ReceivedNotification> record) {
        ReceivedNotification copy = record.value();
        String fingerprint = NotificationFingerprint.of(copy.notification());
        DedupDecision decision = DuplicateRule.decide(Optional.ofNullable(seen.get(record.key())), fingerprint);
        onDecision.accept(decision);
        switch (decision) {
            case DedupDecision.FirstCopy first -> {
                seen.put(record.key(), new SeenNotification(first.fingerprint(), copy.receivedAt()));
                context.forward(record.withKey(copy.subjectId()).withValue(new Deduplicated.Accepted(copy)));
            }
            case DedupDecision.SameAgain same -> LOG.debug("{}: {}", record.key(), same.reason());
            case DedupDecision.Conflicting conflict -> {
                LOG.info("{}: {}", record.key(), conflict.reason());
                context.forward(record.withKey(copy.subjectId())
                        .withValue(new Deduplicated.Conflict(DuplicateRule.conflictReport(copy, conflict))));
            }
        }
    }

    private void forgetOlderThanHorizon(Instant streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SeenNotification> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeenNotification> entry = all.next();
                if (entry.value.isBeyond(horizon, streamTime)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(seen::delete);
        if (!expired.isEmpty()) {
            LOG.debug("forgot {} notification identities first seen before {}", expired.size(), streamTime.minus(horizon));
        }
    }

    @Override
    public void close() {
        if (purge != null) {
            purge.cancel();
        }
    }
}
