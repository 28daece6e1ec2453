package uk.gov.em.streams.person;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.contracts.Subject;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.person.domain.PersonOutcome;
import uk.gov.em.streams.person.domain.PersonPolicy;
import uk.gov.em.streams.person.domain.PersonState;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.subjects.domain.SubjectFacts;
import uk.gov.em.streams.topology.TopologyEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link PersonPolicy} to a person's notifications and retractions, keyed by {@code subjectId}, with one
 * state entry per person holding their recent de-duplication entries (changelogged), a de-duplication store for
 * the entries of a person with more than {@link PersonPolicy#MAX_RECENT_SEEN} within the horizon (a window store
 * keyed by subject and identity, stamped with its first arrival, changelogged, dropped by segment once twice the
 * horizon old), the subject register (a global store) for harm level and the vulnerable flag, and a wake-up store
 * naming who needs a look without new input, and when (an ABV inside an open episode, 168 h).
 *
 * <p><b>State in memory, written behind (ADR 0010).</b> People's decoded states are kept in memory
 * ({@link RecentPeople}). What an ordinary notification changes is written to the person-store every
 * {@code stateWriteInterval}, all at once, together with the input offset every written state has caught up with
 * (the {@code written-up-to} store): a person with several notifications in that time is written once. Anything
 * else that changes a person (a retraction, a wake-up, entries set aside in the de-duplication store) writes every
 * held change at once, so the person-store is always the state after exactly the notifications up to that offset
 * and the rest of what the task did before it. A task that starts with state written behind reads its input from
 * just after that offset up to what the application has committed, and applies those notifications again without
 * publishing anything (it published them before, in the transactions that committed them). With a zero interval
 * every change is written at once and the offset is not kept.
 *
 * <p><b>The clock.</b> Every {@code clockInterval} of wall-clock time the wake-up store is scanned and every
 * person due is decided "as of" now. To keep replays exact, "now" is the wall clock only when the task has
 * been quiet for {@code quietPeriod} (it is caught up with its input); while records are flowing, it is the
 * task's stream time (the latest {@code receivedAt}), so a replay catching up on months of input never
 * decides anything on knowledge the live run did not have at that moment.
 */
public final class PersonProcessor implements Processor<String, PersonInput, String, PersonOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(PersonProcessor.class);
    private static final char KEY_SEPARATOR = '\u001f';
    /** The one key of the {@code written-up-to} store: each task has its own store, so one entry is enough. */
    private static final String WRITTEN_UP_TO = "offset";
    private static final long NONE = -1;
    /**
     * How many people's decoded states a task keeps in memory ({@link RecentPeople}), and so how many changed
     * states it may hold before it writes them early: about 3.5 KB each (measured with 30 days of history), so up to
     * about 70 MB a task.
     */
    static final int RECENT_PEOPLE = 20_000;
    private static final JsonSerde<ReceivedNotification> NOTIFICATIONS = JsonSerde.of(ReceivedNotification.class);

    private final PolicySettings settings;
    private final PersonPolicy policy;
    private final TopologyEvents events;
    private final String inputTopic;
    private final PersonStores stores;
    /** Notifications this task refused because a person's state was full (for the log's sake). */
    private long refused;
    private ProcessorContext<String, PersonOutput> context;
    private RecentPeople people;
    private KeyValueStore<String, Long> writtenUpTo;
    private KeyValueStore<String, Long> wakeUps;
    private WindowStore<String, SeenNotification> seen;
    private KeyValueStore<String, Subject> register;
    private Cancellable clock;
    private Cancellable writer;
    private long lastInputWallClock;
    /** The offset of the latest notification this task applied (in its input partition), or {@link #NONE}. */
    private long latestOffset;
    /** What the {@code written-up-to} store says, or {@link #NONE} when it has nothing. */
    private long storedUpTo;
    /** Whether the notifications the person-store is behind by have been applied again since this task started. */
    private boolean caughtUp;

    /** The stores the person's step uses, by name. */
    public record PersonStores(String people, String writtenUpTo, String wakeUps, String seen, String subjects) {
    }

    public PersonProcessor(PolicySettings settings, TopologyEvents events, String inputTopic, PersonStores stores) {
        this.settings = settings;
        this.policy = new PersonPolicy(settings.policy());
        this.events = events;
        this.inputTopic = inputTopic;
        this.stores = stores;
    }

    @Override
    public void init(ProcessorContext<String, PersonOutput> context) {
        this.context = context;
        this.people = new RecentPeople(context.getStateStore(stores.people()), RECENT_PEOPLE);
        this.writtenUpTo = context.getStateStore(stores.writtenUpTo());
        this.wakeUps = context.getStateStore(stores.wakeUps());
        this.seen = context.getStateStore(stores.seen());
        this.register = context.getStateStore(stores.subjects());
        this.lastInputWallClock = context.currentSystemTimeMs();
        this.latestOffset = NONE;
        Long stored = writtenUpTo.get(WRITTEN_UP_TO);
        this.storedUpTo = stored == null ? NONE : stored;
        this.caughtUp = stored == null;
        this.clock = context.schedule(settings.clockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onClock);
        // Written at once, it still runs: what a catch-up applied again is written by it, and the offset removed.
        this.writer = context.schedule(settings.writesStateBehind() ? settings.stateWriteInterval()
                : PolicySettings.DEFAULT_STATE_WRITE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
                    ensureCaughtUp();
                    writeChanged();
                });
    }

    /**
     * Before anything else this task does (each of its ways in, a record and the two punctuations, calls it first):
     * applies again, publishing nothing, the notifications after the stored offset that the application has already
     * committed. The person-store holds the state after that offset, and what came after it was held in memory by the
     * task that went away. Done on the first record or punctuation
     * rather than in {@link #init}, where a failure would stop the whole instance: a failure here marks the task
     * corrupted, so Kafka Streams restores it and this runs again.
     */
    private void ensureCaughtUp() {
        if (caughtUp) {
            return;
        }
        try {
            catchUp(storedUpTo);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not read again the notifications after offset {}; the task is restored and tries again",
                    context.taskId(), storedUpTo, e);
            throw new TaskCorruptedException(Set.of(context.taskId()));
        }
        caughtUp = true;
    }

    private void catchUp(long upTo) {
        TaskInput input = new TaskInput(context.appConfigs(), context.applicationId(),
                new TopicPartition(inputTopic, context.taskId().partition()));
        long committed = input.committedOffset().orElse(upTo + 1);
        if (committed <= upTo + 1) {
            return;
        }
        long started = System.nanoTime();
        int[] applied = {0};
        long from = input.read(upTo + 1, committed, (offset, record) -> {
            if (applyAgain(offset, record)) {
                applied[0]++;
            }
            latestOffset = offset;
        });
        if (from > upTo + 1) {
            LOG.error("{}: notifications from offset {} to {} are no longer on {}; the state of people they concerned"
                    + " is behind what was published", context.taskId(), upTo + 1, from - 1, inputTopic);
        }
        LOG.info("{}: applied again {} notifications (offsets {} to {}) whose people's state had not been written"
                + " yet, in {} ms", context.taskId(), applied[0], from, committed - 1,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One committed notification applied as the live task applied it; false when the live task skipped it. */
    private boolean applyAgain(long offset, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return false;
        }
        ReceivedNotification received;
        try {
            received = NOTIFICATIONS.deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException unreadable) {
            // The live task could not read it either: it was reported and set aside then.
            return false;
        }
        if (received == null) {
            return false;
        }
        try {
            decide(record.key(), PersonInput.Arrived.of(received));
            return true;
        } catch (RuntimeException e) {
            // The live task failed on it too, and its exception handler skipped it (its outcome is applied whole or
            // not at all); said here in case this failure is one of its own.
            LOG.warn("{}: notification at offset {} failed when applied again, and is skipped as the first time",
                    context.taskId(), offset, e);
            return false;
        }
    }

    @Override
    public void process(Record<String, PersonInput> record) {
        ensureCaughtUp();
        lastInputWallClock = context.currentSystemTimeMs();
        String subjectId = record.key();
        if (record.value() instanceof PersonInput.Arrived) {
            arrivedAt(context.recordMetadata().map(RecordMetadata::offset).orElse(NONE));
        }
        PersonOutcome outcome = decide(subjectId, record.value());
        outcome.dedup().ifPresent(events::deduplicated);
        if (outcome.refused()) {
            events.refused(subjectId);
            refused++;
            // A flood refuses thousands: the 1st, 10th, 100th … are logged, the metric counts every one.
            if (Long.toString(refused).matches("10*")) {
                LOG.warn("{} already has {} episodes: a notification opening one more was not applied ({} refused by"
                        + " this task so far; em_notifications_refused_total counts them all)", subjectId,
                        PersonPolicy.MAX_EPISODES, refused);
            }
        }
        boolean ordinary = record.value() instanceof PersonInput.Arrived && outcome.setAside().isEmpty();
        if (!settings.writesStateBehind() || !ordinary || people.full()) {
            // before publishing: if that fails, the change is kept all the same, as a notification's would be
            writeChanged();
        }
        publish(subjectId, outcome);
    }

    /**
     * Notes that the notification at {@code offset} is being applied. The first one applied while state is written
     * behind, with no offset stored yet, stores the one before it: everything before it is in the person-store.
     */
    private void arrivedAt(long offset) {
        if (offset == NONE) {
            return;
        }
        if (settings.writesStateBehind() && storedUpTo == NONE && latestOffset == NONE) {
            storeWrittenUpTo(offset - 1);
        }
        latestOffset = offset;
    }

    /**
     * Applies one input to the person's state held in memory, sets aside what the outcome sets aside and keeps the
     * wake-up store at the new state's {@code wakeAt}; publishes nothing.
     */
    private PersonOutcome decide(String subjectId, PersonInput input) {
        PersonState stored = people.get(subjectId);
        PersonState state = stored == null ? PersonState.EMPTY : stored;
        PersonOutcome outcome = switch (input) {
            case PersonInput.Arrived arrived -> policy.onNotification(subjectId, state,
                    setAside(subjectId, arrived.notification().identity(), state), arrived.notification(),
                    arrived.fingerprint(), subject(subjectId));
            case PersonInput.Retracted retracted -> policy.onRetraction(subjectId, state,
                    setAside(subjectId, retracted.retraction().withdrawn().identity(), state), retracted.retraction(),
                    subject(subjectId));
        };
        for (SeenNotification entry : outcome.setAside()) {
            seen.put(seenKey(subjectId, entry.identity()), entry, entry.firstSeenAt().toEpochMilli());
        }
        keep(subjectId, stored == null || stored.wakeAt() == null ? null : stored.wakeAt().toEpochMilli(), outcome);
        return outcome;
    }

    /** The person's de-duplication entry for {@code identity} set aside in the store, if one may still count there. */
    private Optional<SeenNotification> setAside(String subjectId, String identity, PersonState state) {
        if (!policy.mayHaveSetAside(state, identity)) {
            return Optional.empty();
        }
        SeenNotification found = null;
        try (WindowStoreIterator<SeenNotification> entries = seen.fetch(seenKey(subjectId, identity),
                Math.max(0, policy.rememberedFrom(state).toEpochMilli()), Long.MAX_VALUE)) {
            // one entry per identity: it is written again (withdrawn) under its own first arrival
            while (entries.hasNext()) {
                found = entries.next().value;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String seenKey(String subjectId, String identity) {
        return subjectId + KEY_SEPARATOR + identity;
    }

    private void onClock(long wallClock) {
        ensureCaughtUp();
        long streamTime = context.currentStreamTimeMs();
        boolean quiet = wallClock - lastInputWallClock >= settings.quietPeriod().toMillis();
        long now = quiet ? wallClock : Math.min(wallClock, streamTime);
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = wakeUps.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value <= now) {
                    due.add(entry);
                }
            }
        }
        try {
            for (KeyValue<String, Long> entry : due) {
                PersonState state = people.get(entry.key);
                if (state == null) {
                    wakeUps.delete(entry.key);
                    continue;
                }
                PersonOutcome outcome = policy.onClock(entry.key, state, Instant.ofEpochMilli(now), subject(entry.key));
                keep(entry.key, entry.value, outcome);
                publish(entry.key, outcome);
            }
        } finally {
            // whatever the wake-ups changed is written, even if one of them failed
            if (!due.isEmpty()) {
                writeChanged();
            }
        }
    }

    /** Holds the outcome's state and keeps the wake-up store at its {@code wakeAt} ({@code wakeStored} before). */
    private void keep(String subjectId, Long wakeStored, PersonOutcome outcome) {
        outcome.state().ifPresent(state -> {
            people.change(subjectId, state);
            // Most people have nothing pending: they cost no wake-up store write, nor a changelog record.
            Long wake = state.wakeAt() == null ? null : state.wakeAt().toEpochMilli();
            if (!Objects.equals(wake, wakeStored)) {
                if (wake == null) {
                    wakeUps.delete(subjectId);
                } else {
                    wakeUps.put(subjectId, wake);
                }
            }
        });
    }

    /**
     * Writes every changed state held in memory to the person-store and, while state is written behind, the offset
     * they have all caught up with.
     */
    private void writeChanged() {
        try {
            people.writeChanged();
        } catch (RuntimeException e) {
            // Some states may be in the store and others not, with the offset unchanged: that must never be committed.
            // A corrupted task's transaction is aborted and its stores restored from what was committed.
            LOG.warn("{}: could not write the people's changed states; the task is restored", context.taskId(), e);
            throw new TaskCorruptedException(Set.of(context.taskId()));
        }
        if (!settings.writesStateBehind()) {
            if (storedUpTo != NONE) {
                // Written at once from now on, after catching up: the store no longer lags any offset.
                writtenUpTo.delete(WRITTEN_UP_TO);
                storedUpTo = NONE;
            }
            return;
        }
        // (lower only if the application's committed offsets were reset to an earlier point)
        if (latestOffset != NONE && latestOffset != storedUpTo) {
            storeWrittenUpTo(latestOffset);
        }
    }

    private void storeWrittenUpTo(long offset) {
        writtenUpTo.put(WRITTEN_UP_TO, offset);
        storedUpTo = offset;
    }

    /** Sends the outcome's events. */
    private void publish(String subjectId, PersonOutcome outcome) {
        for (CaseEvent event : outcome.cases()) {
            long time = switch (event) {
                case BreachCase raised -> {
                    events.caseRaised(raised);
                    yield raised.raisedAt().toEpochMilli();
                }
                case CaseWithdrawal withdrawn -> {
                    events.caseWithdrawn(withdrawn, outcome.withdrawnAbvs().contains(withdrawn.caseId()));
                    yield withdrawn.withdrawnAt().toEpochMilli();
                }
            };
            context.forward(new Record<>(subjectId, new PersonOutput.Case(event), time));
        }
        for (DataQualityEvent report : outcome.dataQuality()) {
            events.dataQuality(report.issue());
            context.forward(new Record<>(subjectId, new PersonOutput.Quality(report), report.detectedAt().toEpochMilli()));
        }
    }

    private SubjectFacts subject(String subjectId) {
        return SubjectFacts.of(register.get(subjectId));
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.cancel();
        }
        if (writer != null) {
            writer.cancel();
        }
    }
}
