package uk.gov.em.streams.person.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.subjects.domain.SubjectFacts;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PersonPolicyTest {

    private static final PersonPolicy POLICY = new PersonPolicy(PolicyLoader.loadDefault());
    private static final Instant T0 = Instant.parse("2022-02-01T00:00:00Z");

    @Test
    void anOpenEpisodeAsksToBeWokenAtTheInstantItsAbvFallsDue() {
        PersonOutcome outcome = POLICY.onNotification("S-1", PersonState.EMPTY, Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN);

        assertThat(outcome.cases()).isEmpty();
        assertThat(outcome.wakeAt()).contains(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void theClockRaisesTheAbvAtTAndTheStateRemembersIt() {
        PersonState state = POLICY.onNotification("S-1", PersonState.EMPTY, Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN).state();

        PersonOutcome woken = POLICY.onClock("S-1", state, T0.plus(Duration.ofHours(12)), SubjectFacts.UNKNOWN);

        assertThat(woken.cases()).singleElement().isInstanceOfSatisfying(BreachCase.class,
                c -> assertThat(c.raisedAt()).isEqualTo(T0.plus(Duration.ofHours(12))));
        assertThat(woken.state().abvs()).extracting(PersonState.AbvInForce::at).containsExactly(T0.plus(Duration.ofHours(12)));
        assertThat(woken.wakeAt()).contains(T0.plus(Duration.ofHours(24)));
        assertThat(POLICY.abvs(woken.state(), T0.plus(Duration.ofHours(12))).due()).extracting(Abv::at)
                .containsExactly(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void theClockNeverRaisesTheSameAbvTwice() {
        PersonState state = POLICY.onNotification("S-1", PersonState.EMPTY, Notifications.a(BreachType.BATTERY_DEPLETED)
                .subject("S-1").occurredAt(T0).receivedAt(T0.plusSeconds(60)).received(), SubjectFacts.UNKNOWN).state();
        PersonState once = POLICY.onClock("S-1", state, T0.plus(Duration.ofHours(13)), SubjectFacts.UNKNOWN).state();

        assertThat(POLICY.onClock("S-1", once, T0.plus(Duration.ofHours(14)), SubjectFacts.UNKNOWN).cases()).isEmpty();
    }
}
