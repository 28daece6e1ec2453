package uk.gov.em.streams.person;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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

/**
 * Applies {@link PersonPolicy} to a person's notifications and retractions, keyed by {@code subjectId}, with one
 * state entry per person holding their recent de-duplication entries (changelogged), a de-duplication store for
 * the entries of a person with more than {@link PersonPolicy#MAX_RECENT_SEEN} within the horizon (a window store
 * keyed by subject and identity, stamped with its first arrival, changelogged, dropped by segment once twice the
 * horizon old), the subject register (a global store) for harm level and the vulnerable flag, and a wake-up store
 * naming who needs a look without new input, and when (an ABV inside an open episode, 168 h). An ordinary
 * notification costs one state read and write, so one changelog record (ADR 0008); a flooded person's also a
 * de-duplication lookup and write (ADR 0005).
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

    private final PolicySettings settings;
    private final PersonPolicy policy;
    private final TopologyEvents events;
    private final String personStoreName;
    private final String wakeStoreName;
    private final String seenStoreName;
    private final String subjectStoreName;
    /** Notifications this task refused because a person's state was full (for the log's sake). */
    private long refused;
    private ProcessorContext<String, PersonOutput> context;
    private KeyValueStore<String, PersonState> people;
    private KeyValueStore<String, Long> wakeUps;
    private WindowStore<String, SeenNotification> seen;
    private KeyValueStore<String, Subject> register;
    private Cancellable clock;
    private long lastInputWallClock;

    public PersonProcessor(PolicySettings settings, TopologyEvents events, String personStoreName, String wakeStoreName,
                           String seenStoreName, String subjectStoreName) {
        this.settings = settings;
        this.policy = new PersonPolicy(settings.policy());
        this.events = events;
        this.personStoreName = personStoreName;
        this.wakeStoreName = wakeStoreName;
        this.seenStoreName = seenStoreName;
        this.subjectStoreName = subjectStoreName;
    }

    @Override
    public void init(ProcessorContext<String, PersonOutput> context) {
        this.context = context;
        this.people = context.getStateStore(personStoreName);
        this.wakeUps = context.getStateStore(wakeStoreName);
        this.seen = context.getStateStore(seenStoreName);
        this.register = context.getStateStore(subjectStoreName);
        this.lastInputWallClock = context.currentSystemTimeMs();
        this.clock = context.schedule(settings.clockInterval(), PunctuationType.WALL_CLOCK_TIME, this::onClock);
    }

    @Override
    public void process(Record<String, PersonInput> record) {
        lastInputWallClock = context.currentSystemTimeMs();
        String subjectId = record.key();
        PersonState stored = people.get(subjectId);
        PersonState state = stored == null ? PersonState.EMPTY : stored;
        PersonOutcome outcome = switch (record.value()) {
            case PersonInput.Arrived arrived -> policy.onNotification(subjectId, state,
                    setAside(subjectId, arrived.notification().identity(), state), arrived.notification(),
                    arrived.fingerprint(), subject(subjectId));
            case PersonInput.Retracted retracted -> policy.onRetraction(subjectId, state,
                    setAside(subjectId, retracted.retraction().withdrawn().identity(), state), retracted.retraction(),
                    subject(subjectId));
        };
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
        for (SeenNotification entry : outcome.setAside()) {
            seen.put(seenKey(subjectId, entry.identity()), entry, entry.firstSeenAt().toEpochMilli());
        }
        // the wake-up store holds what the person's state says (publish keeps it so), so it need not be read here
        publish(subjectId, stored == null || stored.wakeAt() == null ? null : stored.wakeAt().toEpochMilli(), outcome);
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
        for (KeyValue<String, Long> entry : due) {
            PersonState state = people.get(entry.key);
            if (state == null) {
                wakeUps.delete(entry.key);
                continue;
            }
            publish(entry.key, entry.value, policy.onClock(entry.key, state, Instant.ofEpochMilli(now),
                    subject(entry.key)));
        }
    }

    /** Stores the outcome's state, keeps the wake-up store at its {@code wakeAt} ({@code wakeStored} before), sends its events. */
    private void publish(String subjectId, Long wakeStored, PersonOutcome outcome) {
        outcome.state().ifPresent(state -> {
            people.put(subjectId, state);
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
    }
}
