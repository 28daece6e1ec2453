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
 * Applies {@link DuplicateRule} to notifications keyed by {@code subjectId}, remembering each first copy by its
 * identity (supplier/notificationId) in a persistent, changelogged store. Same-again copies are dropped here;
 * conflicting copies go on as reports. It runs in the person's own task, so what it passes on keeps the order
 * in which the gateway wrote the person's notifications (see docs/adr/0004).
 *
 * <p><b>Retention.</b> A punctuator runs every {@code purgeInterval} of <em>stream time</em> and forgets
 * identities first seen more than the horizon earlier. A second store indexes identities by first arrival
 * (key: zero-padded epoch millis + identity, so its natural order is time order), so a sweep reads only what
 * expires, never the whole store — a full scan every stream-time hour made replays of a month quadratic. Stream time is used, not wall-clock time,
 * because record time here is the gateway's {@code receivedAt}: on a replay of months of history into a
 * fresh application the store then forgets exactly what it forgot the first time, so every decision (and
 * every conflict report) replays identically; wall-clock time would forget the whole history at once and
 * let old resends through as new. A partition with no traffic does not advance stream time, but it also
 * adds nothing to the store, so it cannot grow without bound.
 */
public final class DeduplicationProcessor implements Processor<String, ReceivedNotification, String, Deduplicated> {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicationProcessor.class);
    private static final int MILLIS_DIGITS = 15;

    private final String storeName;
    private final String expiryStoreName;
    private final Duration horizon;
    private final Duration purgeInterval;
    private final Consumer<DedupDecision> onDecision;
    private ProcessorContext<String, Deduplicated> context;
    private KeyValueStore<String, SeenNotification> seen;
    private KeyValueStore<String, String> expiry;
    private Cancellable purge;

    public DeduplicationProcessor(String storeName, String expiryStoreName, Duration horizon, Duration purgeInterval,
                                  Consumer<DedupDecision> onDecision) {
        this.storeName = storeName;
        this.expiryStoreName = expiryStoreName;
        this.horizon = horizon;
        this.purgeInterval = purgeInterval;
        this.onDecision = onDecision;
    }

    @Override
    public void init(ProcessorContext<String, Deduplicated> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
        this.expiry = context.getStateStore(expiryStoreName);
        this.purge = context.schedule(purgeInterval, PunctuationType.STREAM_TIME,
                streamTime -> forgetOlderThanHorizon(Instant.ofEpochMilli(streamTime)));
    }

    @Override
    public void process(Record<String, ReceivedNotification> record) {
        ReceivedNotification copy = record.value();
        String fingerprint = NotificationFingerprint.of(copy.notification());
        String identity = copy.identity();
        DedupDecision decision = DuplicateRule.decide(Optional.ofNullable(seen.get(identity)), fingerprint);
        onDecision.accept(decision);
        switch (decision) {
            case DedupDecision.FirstCopy first -> {
                seen.put(identity, new SeenNotification(first.fingerprint(), copy.receivedAt()));
                expiry.put(expiryKey(copy.receivedAt(), identity), identity);
                context.forward(record.withKey(copy.subjectId()).withValue(new Deduplicated.Accepted(copy)));
            }
            case DedupDecision.SameAgain same -> LOG.debug("{}: {}", identity, same.reason());
            case DedupDecision.Conflicting conflict -> {
                LOG.info("{}: {}", identity, conflict.reason());
                context.forward(record.withKey(copy.subjectId())
                        .withValue(new Deduplicated.Conflict(DuplicateRule.conflictReport(copy, conflict))));
            }
        }
    }

    private void forgetOlderThanHorizon(Instant streamTime) {
        Instant cutoff = streamTime.minus(horizon);
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> oldestFirst = expiry.all()) {
            while (oldestFirst.hasNext()) {
                KeyValue<String, String> entry = oldestFirst.next();
                if (!Instant.ofEpochMilli(Long.parseLong(entry.key.substring(0, MILLIS_DIGITS))).isBefore(cutoff)) {
                    break;
                }
                expired.add(entry);
            }
        }
        for (KeyValue<String, String> entry : expired) {
            SeenNotification first = seen.get(entry.value);
            if (first != null && first.isBeyond(horizon, streamTime)) {
                seen.delete(entry.value);
            }
            expiry.delete(entry.key);
        }
        if (!expired.isEmpty()) {
            LOG.debug("forgot {} notification identities first seen before {}", expired.size(), cutoff);
        }
    }

    static String expiryKey(Instant firstSeen, String identity) {
        return String.format("%0" + MILLIS_DIGITS + "d", firstSeen.toEpochMilli()) + "|" + identity;
    }

    @Override
    public void close() {
        if (purge != null) {
            purge.cancel();
        }
    }
}
