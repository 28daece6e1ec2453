package uk.gov.em.streams.person.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.dedup.domain.NotificationFingerprint;
import uk.gov.em.streams.dedup.domain.Retraction;
import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.dedup.domain.Sighting;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.subjects.domain.SubjectFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PersonPolicyTest {

    private static final PersonPolicy POLICY = new PersonPolicy(PolicyLoader.loadDefault());
    private static final Instant T0 = Instant.parse("2022-02-01T00:00:00Z");

    @Test
    void anOpenEpisodeAsksToBeWokenAtTheInstantItsAbvFallsDue() {
        PersonOutcome outcome = person("S-1", PersonState.EMPTY).notify(Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN);

        assertThat(outcome.cases()).isEmpty();
        assertThat(outcome.wakeAt()).contains(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void theClockRaisesTheAbvAtTAndTheStateRemembersIt() {
        PersonState state = person("S-1", PersonState.EMPTY).notify(Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN).state().orElseThrow();

        PersonOutcome woken = POLICY.onClock("S-1", state, T0.plus(Duration.ofHours(12)), SubjectFacts.UNKNOWN);

        assertThat(woken.cases()).singleElement().isInstanceOfSatisfying(BreachCase.class,
                c -> assertThat(c.raisedAt()).isEqualTo(T0.plus(Duration.ofHours(12))));
        assertThat(woken.state().orElseThrow().abvs()).extracting(PersonState.AbvInForce::at).containsExactly(T0.plus(Duration.ofHours(12)));
        assertThat(woken.wakeAt()).contains(T0.plus(Duration.ofHours(24)));
        assertThat(POLICY.abvs(woken.state().orElseThrow(), T0.plus(Duration.ofHours(12))).due()).extracting(Abv::at)
                .containsExactly(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void theClockNeverRaisesTheSameAbvTwice() {
        PersonState state = person("S-1", PersonState.EMPTY).notify(Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN).state().orElseThrow();
        PersonState once = POLICY.onClock("S-1", state, T0.plus(Duration.ofHours(13)), SubjectFacts.UNKNOWN).state().orElseThrow();

        assertThat(POLICY.onClock("S-1", once, T0.plus(Duration.ofHours(14)), SubjectFacts.UNKNOWN).cases()).isEmpty();
    }

    @Test
    void aCopyRetractedBeforeItArrivesIsDroppedWhenItDoes() {
        Notifications kept = Notifications.a(BreachType.STRAP_TAMPER).subject("S-1");
        Notifications lost = kept.subject("S-2").receivedAt(kept.receivedAt().plusSeconds(30));
        Retraction retraction = new Retraction(Sighting.of(kept.received()), Sighting.of(lost.received()));

        PersonOutcome retracted = person("S-2", PersonState.EMPTY).retract(retraction, SubjectFacts.UNKNOWN);
        PersonOutcome arrived = person("S-2", retracted.state().orElseThrow()).notify(lost.received(),
                SubjectFacts.UNKNOWN);

        assertThat(retracted.cases()).isEmpty();
        assertThat(retracted.state().orElseThrow().recentSeen(lost.received().identity()))
                .hasValueSatisfying(entry -> assertThat(entry.withdrawn()).isTrue());
        assertThat(arrived.cases()).isEmpty();
        assertThat(arrived.dataQuality()).isEmpty();
        assertThat(arrived.state()).isEmpty();
    }

    @Test
    void aRetractedCopyLeavesTheLadderSoTheNextBreachCountsWithoutIt() {
        Notifications lost = Notifications.a(BreachType.ABSENCE_15_MIN).subject("S-2").id("N-shared")
                .occurredAt(T0).receivedAt(T0.plusSeconds(60));
        Notifications kept = lost.subject("S-1").receivedAt(T0.plusSeconds(30));
        PersonState state = person("S-2", PersonState.EMPTY).notify(lost.received(), SubjectFacts.UNKNOWN)
                .state().orElseThrow();
        PersonOutcome retracted = person("S-2", state).retract(new Retraction(Sighting.of(kept.received()), Sighting.of(lost.received())), SubjectFacts.UNKNOWN);

        PersonOutcome next = person("S-2", retracted.state().orElseThrow()).notify(Notifications
                .a(BreachType.ABSENCE_15_MIN).subject("S-2").id("N-next").occurredAt(T0.plus(Duration.ofDays(1)))
                .receivedAt(T0.plus(Duration.ofDays(1))).received(), SubjectFacts.UNKNOWN);

        assertThat(retracted.cases()).singleElement().isInstanceOf(CaseWithdrawal.class);
        assertThat(retracted.state().orElseThrow().ladder()).isEmpty();
        assertThat(next.cases()).singleElement().isInstanceOfSatisfying(BreachCase.class,
                c -> assertThat(c.explanation()).startsWith("1st qualifying breach in 90 days"));
    }

    @Test
    void aRetractionOfACopyThisPersonNeverHadInThatFormChangesNothing() {
        Notifications mine = Notifications.a(BreachType.STRAP_TAMPER).subject("S-2");
        PersonState state = person("S-2", PersonState.EMPTY).notify(mine.received(), SubjectFacts.UNKNOWN)
                .state().orElseThrow();
        Notifications other = mine.occurredAt(mine.occurredAt().plusSeconds(5)).receivedAt(mine.receivedAt().plusSeconds(9));

        PersonOutcome outcome = person("S-2", state).retract(new Retraction(Sighting.of(mine.subject("S-1")
                .received()), Sighting.of(other.received())), SubjectFacts.UNKNOWN);

        assertThat(outcome.cases()).isEmpty();
        assertThat(outcome.state().orElseThrow().recentSeen()).isEqualTo(state.recentSeen());
        assertThat(outcome.setAside()).isEmpty();
    }

    @Test
    void aSevenDayCaseWhoseEpisodeStartMovesLaterIsWithdrawnAndRaisedAgainWhenTheNewInstantComes() {
        Notifications early = Notifications.a(BreachType.OUT_OF_CONTACT).subject("S-2").id("N-early").episode("EP-1")
                .occurredAt(T0).receivedAt(T0.plusSeconds(60));
        Notifications later = early.id("N-later").occurredAt(T0.plus(Duration.ofDays(2))).receivedAt(T0.plus(Duration.ofDays(2)));
        PersonState state = person("S-2", PersonState.EMPTY).notify(early.received(), SubjectFacts.UNKNOWN)
                .state().orElseThrow();
        state = person("S-2", state).notify(later.received(), SubjectFacts.UNKNOWN).state().orElseThrow();
        PersonOutcome sevenDays = POLICY.onClock("S-2", state, T0.plus(Duration.ofDays(8)), SubjectFacts.UNKNOWN);
        String first = sevenDays.cases().getFirst().caseId();

        PersonOutcome retracted = person("S-2", sevenDays.state().orElseThrow()).retract(new Retraction(Sighting.of(early.subject("S-1").received()), Sighting.of(early.received())),
                SubjectFacts.UNKNOWN);
        PersonOutcome due = POLICY.onClock("S-2", retracted.state().orElseThrow(), T0.plus(Duration.ofDays(9)),
                SubjectFacts.UNKNOWN);

        assertThat(sevenDays.cases()).singleElement().isInstanceOfSatisfying(BreachCase.class,
                c -> assertThat(c.openedAt()).isEqualTo(T0.plus(Duration.ofDays(7))));
        assertThat(retracted.cases()).singleElement().isInstanceOfSatisfying(CaseWithdrawal.class, w -> {
            assertThat(w.caseId()).isEqualTo(first);
            assertThat(w.reason()).contains("now known to have begun at " + T0.plus(Duration.ofDays(2)));
        });
        assertThat(retracted.wakeAt()).contains(T0.plus(Duration.ofDays(9)));
        assertThat(due.cases()).singleElement().isInstanceOfSatisfying(BreachCase.class, c -> {
            assertThat(c.openedAt()).isEqualTo(T0.plus(Duration.ofDays(9)));
            assertThat(c.caseId()).isNotEqualTo(first);
        });
    }

    @Test
    void anEpisodeWhoseOnlyReportIsWithdrawnTakesItsSevenDayCaseWithIt() {
        Notifications lost = Notifications.a(BreachType.OUT_OF_CONTACT).subject("S-2").id("N-only").episode("EP-1")
                .occurredAt(T0).receivedAt(T0.plusSeconds(60));
        PersonState state = person("S-2", PersonState.EMPTY).notify(lost.received(), SubjectFacts.UNKNOWN)
                .state().orElseThrow();
        PersonOutcome sevenDays = POLICY.onClock("S-2", state, T0.plus(Duration.ofDays(7)), SubjectFacts.UNKNOWN);

        PersonOutcome retracted = person("S-2", sevenDays.state().orElseThrow()).retract(new Retraction(Sighting.of(lost.subject("S-1").received()), Sighting.of(lost.received())),
                SubjectFacts.UNKNOWN);

        assertThat(retracted.cases()).singleElement().isInstanceOfSatisfying(CaseWithdrawal.class,
                w -> assertThat(w.caseId()).isEqualTo(sevenDays.cases().getFirst().caseId()));
        assertThat(retracted.state().orElseThrow().episodes()).isEmpty();
        assertThat(retracted.wakeAt()).isEmpty();
    }

    @Test
    void aPersonWithMoreRecentNotificationsThanTheStateKeepsHasTheOldestSetAsideAndStillKnowsItsCopies() {
        PersonState state = strapTampers("S-1", PersonPolicy.MAX_RECENT_SEEN + 1);
        Notifications first = tamper("S-1", 0);

        PersonOutcome again = person("S-1", state).notify(first.received(), SubjectFacts.UNKNOWN);

        assertThat(state.recentSeen()).hasSize(PersonPolicy.MAX_RECENT_SEEN);
        assertThat(state.recentSeen(first.received().identity())).isEmpty();
        assertThat(seen).containsOnlyKeys("S-1" + first.received().identity());
        assertThat(POLICY.mayHaveSetAside(state, first.received().identity())).isTrue();
        assertThat(again.state()).isEmpty();
        assertThat(again.cases()).isEmpty();
        assertThat(again.dataQuality()).isEmpty();
    }

    @Test
    void aCopyWithOtherContentOfAnEntrySetAsideIsReportedAsAConflict() {
        PersonState state = strapTampers("S-1", PersonPolicy.MAX_RECENT_SEEN + 1);
        Notifications changed = tamper("S-1", 0).occurredAt(T0.plusSeconds(1));

        PersonOutcome outcome = person("S-1", state).notify(changed.received(), SubjectFacts.UNKNOWN);

        assertThat(outcome.state()).isEmpty();
        assertThat(outcome.dataQuality()).singleElement().satisfies(report -> assertThat(report.notificationId())
                .isEqualTo(changed.received().notification().notificationId()));
    }

    @Test
    void aRetractionOfACopySetAsideIsMarkedWithdrawnInTheStoreAndItsCaseWithdrawn() {
        PersonState state = strapTampers("S-2", PersonPolicy.MAX_RECENT_SEEN + 1);
        Notifications lost = tamper("S-2", 0);
        Notifications kept = lost.subject("S-1").receivedAt(lost.receivedAt().minusSeconds(30));

        PersonOutcome outcome = person("S-2", state).retract(new Retraction(Sighting.of(kept.received()),
                Sighting.of(lost.received())), SubjectFacts.UNKNOWN);

        assertThat(outcome.cases()).singleElement().isInstanceOf(CaseWithdrawal.class);
        assertThat(outcome.setAside()).singleElement().satisfies(entry -> {
            assertThat(entry.identity()).isEqualTo(lost.received().identity());
            assertThat(entry.withdrawn()).isTrue();
        });
        assertThat(outcome.state().orElseThrow().recentSeen()).isEqualTo(state.recentSeen());
    }

    @Test
    void onceEveryEntrySetAsideIsOlderThanTheHorizonTheStoreIsNotAskedAgain() {
        PersonState state = strapTampers("S-1", PersonPolicy.MAX_RECENT_SEEN + 1);
        Notifications later = Notifications.a(BreachType.STRAP_TAMPER).subject("S-1").id("N-later")
                .occurredAt(T0.plus(Duration.ofDays(50))).receivedAt(T0.plus(Duration.ofDays(50)));

        PersonState after = person("S-1", state).notify(later.received(), SubjectFacts.UNKNOWN).state().orElseThrow();

        assertThat(POLICY.mayHaveSetAside(after, tamper("S-1", 0).received().identity())).isFalse();
        assertThat(after.recentSeen()).extracting(SeenNotification::identity)
                .containsExactly(later.received().identity());
    }

    /** The {@code i}th of a run of strap tampers, a minute apart. */
    private static Notifications tamper(String subjectId, int i) {
        return Notifications.a(BreachType.STRAP_TAMPER).subject(subjectId).id("N-" + i)
                .occurredAt(T0.plus(Duration.ofMinutes(i))).receivedAt(T0.plus(Duration.ofMinutes(i)).plusSeconds(30));
    }

    /** The state of a person after {@code count} strap tampers. */
    private PersonState strapTampers(String subjectId, int count) {
        PersonState state = PersonState.EMPTY;
        for (int i = 0; i < count; i++) {
            state = person(subjectId, state).notify(tamper(subjectId, i).received(), SubjectFacts.UNKNOWN).state()
                    .orElseThrow();
        }
        return state;
    }

    /** The person's de-duplication entries set aside beside their state, as the processor stores them. */
    private final Map<String, SeenNotification> seen = new HashMap<>();

    private Person person(String subjectId, PersonState state) {
        return new Person(subjectId, state);
    }

    /** One step of the policy for a person in {@code state}, with the entries {@link #seen} holds. */
    private final class Person {
        private final String subjectId;
        private final PersonState state;

        Person(String subjectId, PersonState state) {
            this.subjectId = subjectId;
            this.state = state;
        }

        PersonOutcome notify(ReceivedNotification received, SubjectFacts subject) {
            return kept(POLICY.onNotification(subjectId, state, setAside(received.identity()), received,
                    NotificationFingerprint.of(received.notification()), subject));
        }

        PersonOutcome retract(Retraction retraction, SubjectFacts subject) {
            return kept(POLICY.onRetraction(subjectId, state, setAside(retraction.withdrawn().identity()), retraction,
                    subject));
        }

        /** What the processor looks up: the store is asked only when the policy says an entry may be there. */
        private Optional<SeenNotification> setAside(String identity) {
            return POLICY.mayHaveSetAside(state, identity) ? Optional.ofNullable(seen.get(subjectId + identity))
                    : Optional.empty();
        }

        private PersonOutcome kept(PersonOutcome outcome) {
            outcome.setAside().forEach(entry -> seen.put(subjectId + entry.identity(), entry));
            return outcome;
        }
    }
}
