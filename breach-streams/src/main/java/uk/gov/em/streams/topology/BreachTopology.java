package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.dedup.IdentityCheckProcessor;
import uk.gov.em.streams.dedup.SeenNotificationSerde;
import uk.gov.em.streams.dedup.SightingSerde;
import uk.gov.em.streams.dedup.domain.IdentityRule;
import uk.gov.em.streams.dedup.domain.Retraction;
import uk.gov.em.streams.person.PersonInput;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.person.PersonOutput;
import uk.gov.em.streams.person.PersonProcessor;
import uk.gov.em.streams.person.PersonStateSerde;
import uk.gov.em.streams.person.domain.PersonState;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.subjects.SubjectRegisterUpdater;

import java.time.Duration;
import java.util.Map;

/**
 * The breach policy as a Kafka Streams topology. It only wires the domain rules together:
 * <pre>
 * em.breach-notifications ─▶ skip-empty-records ─▶ arrived (+ fingerprint) ─┬─▶ arrived-input ──────────────┐
 *                                                                           │                               ▼
 *                                                                           │  retractions ─▶ retracted ─▶ person-input (merge)
 *                                                                           │      ▲                        ▼
 *                                                                           │      │      decide-person (person-store, person-written-up-to,
 *                                                                           │      │                     seen-store, wake-store, subject-register)
 *                                                                           │      │      ├─ case ─▶ case-event ─▶ em.breach-cases
 *                                                                           │      │      └─ quality ─▶ quality-report ─▶ em.data-quality
 *                                                                           └─▶ sighting ─▶ by-identity ─▶ check-identity (identity-store)
 *                                                                                             └─▶ conflict-report ─▶ em.data-quality
 * em.subjects ─▶ subjects-source ─▶ update-subject-register ─▶ subject-register (global store)
 * </pre>
 * A person's notifications are never re-partitioned: the notifications topic is keyed by {@code subjectId}, so
 * one task owns all of a person's notifications, de-duplication entries and state, and sees them in the order
 * the gateway wrote them (which is what makes a replay exact; docs/adr/0004). Only the identity check, which
 * must see copies naming different people side by side, reads a copy of each notification re-keyed by identity;
 * what it finds comes back to the person as a retraction. Everything written out is keyed by {@code subjectId}.
 * Record time is the gateway's {@code receivedAt} ({@link ReceivedAtTimestampExtractor}), which makes the output
 * of a replay identical to the first run.
 */
public final class BreachTopology {

    public static final String NOTIFICATIONS_SOURCE = "notifications-source";
    public static final String SKIP_EMPTY_RECORDS = "skip-empty-records";
    public static final String ARRIVED = "arrived";
    public static final String ARRIVED_INPUT = "arrived-input";
    public static final String SIGHTING = "sighting";
    /** The re-partition of sightings by identity: {@code <application.id>-by-identity-repartition}. */
    public static final String BY_IDENTITY = "by-identity";
    public static final String CHECK_IDENTITY = "check-identity";
    /** Identity → the first copy seen (window store by {@code receivedAt}, twice the de-duplication horizon); changelogged. */
    public static final String IDENTITY_STORE = "identity-store";
    public static final String CONFLICT_REPORT = "conflict-report";
    public static final String DATA_QUALITY_SINK = "data-quality-sink";
    /** The re-partition of retractions by the person they concern: {@code <application.id>-retractions-repartition}. */
    public static final String RETRACTIONS = "retractions";
    public static final String RETRACTED = "retracted";
    public static final String PERSON_INPUT = "person-input";
    public static final String DECIDE_PERSON = "decide-person";
    /** subjectId → {@link PersonState}; changelogged as {@code <application.id>-person-store-changelog}. */
    public static final String PERSON_STORE = "person-store";
    /**
     * The input offset the person-store has caught up with while people's states are written behind (one entry a
     * task); changelogged with the person-store, so the two always agree (ADR 0010).
     */
    public static final String WRITTEN_UP_TO_STORE = "person-written-up-to";
    /** subjectId → when the person next needs a look without input (epoch ms); changelogged. */
    public static final String WAKE_STORE = "wake-store";
    /**
     * subjectId + identity → the person's first copy of that notification (window store by first arrival, twice
     * the de-duplication horizon); changelogged. One entry per notification, so the person-store stays small.
     */
    public static final String SEEN_STORE = "seen-store";
    /** subjectId → {@link Subject}, a global store fed by {@code em.subjects}. */
    public static final String SUBJECT_REGISTER = "subject-register";
    public static final String SUBJECTS_SOURCE = "subjects-source";
    public static final String UPDATE_SUBJECT_REGISTER = "update-subject-register";
    public static final String PERSON_SPLIT = "person-";
    public static final String CASE = "case";
    public static final String QUALITY = "quality";
    public static final String CASE_EVENT = "case-event";
    public static final String CASES_SINK = "cases-sink";
    public static final String QUALITY_REPORT = "quality-report";
    public static final String QUALITY_SINK = "quality-sink";

    private static final PersonProcessor.PersonStores PERSON_STORES = new PersonProcessor.PersonStores(PERSON_STORE,
            WRITTEN_UP_TO_STORE, WAKE_STORE, SEEN_STORE, SUBJECT_REGISTER);
    private static final JsonSerde<ReceivedNotification> NOTIFICATION_SERDE = JsonSerde.of(ReceivedNotification.class);
    private static final JsonSerde<DataQualityEvent> DATA_QUALITY_SERDE = JsonSerde.of(DataQualityEvent.class);

    private BreachTopology() {
    }

    /**
     * The whole topology for {@code settings}; the service and the tests build it only here. {@code events}
     * hears each decision (for metrics); pass {@link TopologyEvents#NONE} when nobody listens.
     */
    public static Topology build(PolicySettings settings, TopologyEvents events) {
        Policy policy = settings.policy();
        StreamsBuilder builder = new StreamsBuilder();

        Duration horizon = policy.deduplication().horizon();
        // The identity and person stores are not cached: a record cache only pays when one key is written several
        // times per commit, and a person's notifications are minutes to days apart; measured, it cost more in
        // lookups and evictions than it saved (docs/benchmarks.md).
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(IDENTITY_STORE, IdentityCheckProcessor.retention(horizon), Duration.ofMillis(1),
                        false),
                Serdes.String(), new SightingSerde()).withLoggingEnabled(Map.of()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERSON_STORE), Serdes.String(),
                new PersonStateSerde()).withLoggingEnabled(Map.of()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WRITTEN_UP_TO_STORE),
                Serdes.String(), Serdes.Long()).withLoggingEnabled(Map.of()).withCachingDisabled());
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_STORE, IdentityCheckProcessor.retention(horizon), Duration.ofMillis(1),
                        false),
                Serdes.String(), new SeenNotificationSerde()).withLoggingEnabled(Map.of()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAKE_STORE), Serdes.String(),
                Serdes.Long()).withLoggingEnabled(Map.of()).withCachingEnabled());
        // Held in memory: it is read for every notification, it is small (one entry per person on the register), and
        // a global store is rebuilt from em.subjects whenever the application starts whether it is on disk or not.
        StoreBuilder<KeyValueStore<String, Subject>> register = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(SUBJECT_REGISTER), Serdes.String(), JsonSerde.of(Subject.class))
                .withLoggingDisabled();

        KStream<String, ReceivedNotification> notifications = builder
                .stream(Topics.NOTIFICATIONS, Consumed.with(Serdes.String(), NOTIFICATION_SERDE)
                        .withTimestampExtractor(new ReceivedAtTimestampExtractor())
                        .withName(NOTIFICATIONS_SOURCE))
                // A null value (a tombstone) carries no notification: there is nothing to decide.
                .filter((subjectId, received) -> received != null, Named.as(SKIP_EMPTY_RECORDS));

        // The fingerprint is computed once, for the person's de-duplication and the identity check alike.
        KStream<String, PersonInput.Arrived> arrived = notifications.mapValues(PersonInput.Arrived::of, Named.as(ARRIVED));

        // §1 across people: copies of one notification naming different people.
        KStream<String, Retraction> retractions = arrived
                .map((subjectId, copy) -> KeyValue.pair(copy.notification().identity(), copy.sighting()), Named.as(SIGHTING))
                .repartition(Repartitioned.with(Serdes.String(), new SightingSerde()).withName(BY_IDENTITY))
                .process(() -> new IdentityCheckProcessor(IDENTITY_STORE, horizon), Named.as(CHECK_IDENTITY),
                        IDENTITY_STORE);
        retractions
                .mapValues(retraction -> {
                    DataQualityEvent report = IdentityRule.conflictReport(retraction);
                    events.dataQuality(report.issue());
                    return report;
                }, Named.as(CONFLICT_REPORT))
                .to(Topics.DATA_QUALITY, Produced.with(Serdes.String(), DATA_QUALITY_SERDE).withName(DATA_QUALITY_SINK));

        arrived.mapValues(copy -> (PersonInput) copy, Named.as(ARRIVED_INPUT))
                .merge(retractions
                        .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(Retraction.class)).withName(RETRACTIONS))
                        .mapValues(retraction -> (PersonInput) new PersonInput.Retracted(retraction), Named.as(RETRACTED)),
                        Named.as(PERSON_INPUT))
                .process(() -> new PersonProcessor(settings, events, Topics.NOTIFICATIONS, PERSON_STORES),
                        Named.as(DECIDE_PERSON), PERSON_STORE, WRITTEN_UP_TO_STORE, WAKE_STORE, SEEN_STORE)
                .split(Named.as(PERSON_SPLIT))
                .branch((subjectId, out) -> out instanceof PersonOutput.Case, Branched.withConsumer(cases -> cases
                        .mapValues(out -> ((PersonOutput.Case) out).event(), Named.as(CASE_EVENT))
                        .to(Topics.CASES, Produced.with(Serdes.String(), JsonSerde.of(CaseEvent.class))
                                .withName(CASES_SINK)), CASE))
                .branch((subjectId, out) -> out instanceof PersonOutput.Quality, Branched.withConsumer(reports -> reports
                        .mapValues(out -> ((PersonOutput.Quality) out).event(), Named.as(QUALITY_REPORT))
                        .to(Topics.DATA_QUALITY, Produced.with(Serdes.String(), DATA_QUALITY_SERDE)
                                .withName(QUALITY_SINK)), QUALITY))
                .noDefaultBranch();

        Topology topology = builder.build();
        topology.addGlobalStore(register, SUBJECTS_SOURCE, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), Topics.SUBJECTS, UPDATE_SUBJECT_REGISTER,
                () -> new SubjectRegisterUpdater(SUBJECT_REGISTER));
        return topology;
    }
}
