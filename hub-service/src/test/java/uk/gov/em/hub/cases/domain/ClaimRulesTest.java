package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimRulesTest {

    private static final Instant NOW = Instant.parse("2022-02-03T10:00:00Z");
    private final ClaimRules rules = new ClaimRules(Duration.ofHours(4));

    @Test
    void anUnclaimedCaseIsClaimedForTheLease() {
        assertThat(rules.claim(aCase(null, null, CaseStatus.OPEN), "ann", NOW)).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void aCaseHeldBySomeoneElseIsRefusedWithTheHolderNamed() {
        HubCase held = aCase("bob", NOW.plusSeconds(60), CaseStatus.OPEN);

        assertThatThrownBy(() -> rules.claim(held, "ann", NOW))
                .isInstanceOf(CaseConflict.class).hasMessageContaining("held by bob");
    }

    @Test
    void aLapsedClaimReturnsTheCaseToTheQueue() {
        HubCase lapsed = aCase("bob", NOW, CaseStatus.OPEN);

        assertThat(lapsed.holderAt(NOW)).isEmpty();
        assertThat(rules.claim(lapsed, "ann", NOW)).isAfter(NOW);
    }

    @Test
    void theHolderMayClaimAgainToRenewTheLease() {
        assertThat(rules.claim(aCase("ann", NOW.plusSeconds(5), CaseStatus.OPEN), "ann", NOW))
                .isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void aFinishedCaseCannotBeClaimed() {
        assertThatThrownBy(() -> rules.claim(aCase(null, null, CaseStatus.CLOSED), "ann", NOW))
                .isInstanceOf(CaseConflict.class).hasMessageContaining("CLOSED");
    }

    @Test
    void onlyTheAssigneeOrAnAdministratorReleases() {
        HubCase held = aCase("bob", NOW.plusSeconds(60), CaseStatus.OPEN);

        assertThatThrownBy(() -> rules.release(held, "ann", false)).isInstanceOf(CaseConflict.class);
        rules.release(held, "bob", false);
        rules.release(held, "root", true);
    }

    @Test
    void onlyTheHolderOfALiveClaimActs() {
        assertThatThrownBy(() -> rules.requireHolder(aCase("ann", NOW, CaseStatus.OPEN), "ann", NOW))
                .isInstanceOf(CaseConflict.class);
        rules.requireHolder(aCase("ann", NOW.plusSeconds(1), CaseStatus.OPEN), "ann", NOW);
    }

    @Test
    void aProsecutionCaseMustBeStartedWithinSixMonthsOfTheOffence() {
        LegalClock clock = new LegalClock(Period.ofMonths(6));
        HubCase c = aCase(null, null, CaseStatus.OPEN);

        assertThat(clock.lastDayToStartProsecution(c)).contains(LocalDate.parse("2022-08-03"));
    }

    static HubCase aCase(String assignee, Instant expires, CaseStatus status) {
        return new HubCase("c-1", "s-1", Queue.PROSECUTIONS, Severity.HIGH, null, "STRAP_TAMPER", "p", "r", null,
                "x", null, NOW, NOW, NOW, status, NOW, assignee, null, expires, null, null, null, false, null);
    }
}
