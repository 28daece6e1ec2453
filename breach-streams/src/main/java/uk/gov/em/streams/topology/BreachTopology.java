package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.Serdes;
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
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.Topics;
import uk.gov.em.contracts.json.JsonSerde;
import uk.gov.em.streams.cases.domain.CaseRaiser;
import uk.gov.em.streams.dedup.DeduplicationProcessor;
import uk.gov.em.streams.dedup.Deduplicated;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.policy.PolicySettings;
import uk.gov.em.streams.policy.domain.Policy;

import java.util.List;
import java.util.Map;

/**
 * The breach policy as a Kafka Streams topology. It only wires the domain rules together:
 * <pre>
 * em.breach-notifications ─▶ skip-empty-records ─▶ key-by-identity ─▶ [by-identity repartition]
 *   ─▶ deduplicate (dedup-store) ─┬─ accepted ─▶ raise-cases ─▶ count-cases ─▶ em.breach-cases
 *                                 └─ conflict ─▶ conflict-report ─▶ em.data-quality
 * </pre>
 * Notifications are re-partitioned by identity (supplier/notificationId) before de-duplication, so two copies
 * of one notification always meet in the same task even if a conflicting copy names a different person.
 * Everything written out is keyed by {@code subjectId}. Record time is the gateway's {@code receivedAt}
 * ({@link ReceivedAtTimestampExtractor}), which makes the output of a replay identical to the first run.
 *
 * <p>Later phases add the per-person battery accumulator, episodes, the 7-day rule and the ladder history
 * after a re-partition by subject, between {@code deduplicate} and {@code raise-cases}.
 */
public final class BreachTopology {

    public static final String NOTIFICATIONS_SOURCE = "notifications-source";
    public static final String SKIP_EMPTY_RECORDS = "skip-empty-records";
    public static final String KEY_BY_IDENTITY = "key-by-identity";
    /** The internal topic is {@code <application.id>-by-identity-repartition}. */
    public static final String BY_IDENTITY = "by-identity";
    public static final String DEDUPLICATE = "deduplicate";
    /** Identity → first copy's fingerprint and arrival; changelogged as {@code <application.id>-dedup-store-changelog}. */
    public static final String DEDUP_STORE = "dedup-store";
    public static final String DEDUP_SPLIT = "dedup-";
    public static final String ACCEPTED = "accepted";
    public static final String CONFLICT = "conflict";
    public static final String RAISE_CASES = "raise-cases";
    public static final String COUNT_CASES = "count-cases";
    public static final String CASES_SINK = "cases-sink";
    public static final String CONFLICT_REPORT = "conflict-report";
    public static final String DATA_QUALITY_SINK = "data-quality-sink";

    private static final JsonSerde<ReceivedNotification> NOTIFICATION_SERDE = JsonSerde.of(ReceivedNotification.class);

    private BreachTopology() {
    }

    /**
     * The whole topology for {@code settings}; the service and the tests build it only here. {@code events}
     * hears each decision (for metrics); pass {@link TopologyEvents#NONE} when nobody listens.
     */
    public static Topology build(PolicySettings settings, TopologyEvents events) {
        Policy policy = settings.policy();
        StreamsBuilder builder = new StreamsBuilder();

        StoreBuilder<KeyValueStore<String, SeenNotification>> dedupStore = Stores
                .keyValueStoreBuilder(Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(),
                        JsonSerde.of(SeenNotification.class))
                .withLoggingEnabled(Map.of());
        builder.addStateStore(dedupStore);

        KStream<String, Deduplicated> deduplicated = builder
                .stream(Topics.NOTIFICATIONS, Consumed.with(Serdes.String(), NOTIFICATION_SERDE)
                        .withTimestampExtractor(new ReceivedAtTimestampExtractor())
                        .withName(NOTIFICATIONS_SOURCE))
                // A null value (a tombstone) carries no notification: there is nothing to decide.
                .filter((subjectId, received) -> received != null, Named.as(SKIP_EMPTY_RECORDS))
                .selectKey((subjectId, received) -> received.identity(), Named.as(KEY_BY_IDENTITY))
                .repartition(Repartitioned.with(Serdes.String(), NOTIFICATION_SERDE).withName(BY_IDENTITY))
                .process(() -> new DeduplicationProcessor(DEDUP_STORE, policy.deduplication().horizon(),
                        settings.dedupPurgeInterval(), events::deduplicated), Named.as(DEDUPLICATE), DEDUP_STORE);

        deduplicated.split(Named.as(DEDUP_SPLIT))
                .branch((subjectId, d) -> d instanceof Deduplicated.Accepted, Branched.withConsumer(accepted -> accepted
                        .flatMapValues(d -> raiseCase((Deduplicated.Accepted) d, policy), Named.as(RAISE_CASES))
                        .peek((subjectId, event) -> {
                            if (event instanceof BreachCase raised) {
                                events.caseRaised(raised);
                            }
                        }, Named.as(COUNT_CASES))
                        .to(Topics.CASES, Produced.with(Serdes.String(), JsonSerde.of(CaseEvent.class)).withName(CASES_SINK)),
                        ACCEPTED))
                .branch((subjectId, d) -> d instanceof Deduplicated.Conflict, Branched.withConsumer(conflicts -> conflicts
                        .mapValues(d -> ((Deduplicated.Conflict) d).report(), Named.as(CONFLICT_REPORT))
                        .to(Topics.DATA_QUALITY, Produced.with(Serdes.String(), JsonSerde.of(DataQualityEvent.class))
                                .withName(DATA_QUALITY_SINK)),
                        CONFLICT))
                .noDefaultBranch();

        return builder.build();
    }

    private static List<CaseEvent> raiseCase(Deduplicated.Accepted accepted, Policy policy) {
        return CaseRaiser.raise(accepted.notification(), policy).<CaseEvent>map(c -> c).stream().toList();
    }
}
