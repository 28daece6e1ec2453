package uk.gov.em.streams.dedup.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.streams.Notifications;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityRuleTest {

    private static final Notifications TAMPER = Notifications.a(BreachType.STRAP_TAMPER).subject("S-1");
    private static final Sighting FIRST = Sighting.of(TAMPER.received());
    private static final Sighting OTHER_PERSON_LATER = Sighting.of(TAMPER.subject("S-2")
            .receivedAt(Notifications.RECEIVED.plusSeconds(60)).received());

    @Test
    void theFirstCopyOfAnIdentityIsRemembered() {
        assertThat(IdentityRule.decide(Optional.empty(), FIRST)).isEqualTo(new IdentityRule.Remember(FIRST));
    }

    @Test
    void copiesNamingTheSamePersonAreLeftToThatPersonsDeduplication() {
        Sighting sameAgain = Sighting.of(TAMPER.receivedAt(Notifications.RECEIVED.plusSeconds(5)).received());
        Sighting different = Sighting.of(TAMPER.occurredAt(Notifications.OCCURRED.plusSeconds(5)).received());

        assertThat(IdentityRule.decide(Optional.of(FIRST), sameAgain)).isEqualTo(new IdentityRule.SamePerson());
        assertThat(IdentityRule.decide(Optional.of(FIRST), different)).isEqualTo(new IdentityRule.SamePerson());
    }

    @Test
    void anEarlierReceivedCopyNamingTheSamePersonIsRememberedInPlaceOfTheLaterOne() {
        Sighting later = Sighting.of(TAMPER.receivedAt(Notifications.RECEIVED.plusSeconds(5)).received());

        assertThat(IdentityRule.decide(Optional.of(later), FIRST)).isEqualTo(new IdentityRule.Remember(FIRST));
    }

    @Test
    void aLaterCopyNamingAnotherPersonIsRetracted() {
        assertThat(IdentityRule.decide(Optional.of(FIRST), OTHER_PERSON_LATER))
                .isEqualTo(new IdentityRule.OtherPerson(new Retraction(FIRST, OTHER_PERSON_LATER)));
    }

    @Test
    void anEarlierReceivedCopyArrivingSecondWinsAndTheOneKeptIsRetracted() {
        assertThat(IdentityRule.decide(Optional.of(OTHER_PERSON_LATER), FIRST))
                .isEqualTo(new IdentityRule.OtherPerson(new Retraction(FIRST, OTHER_PERSON_LATER)));
    }

    @Test
    void copiesReceivedInTheSameMillisecondAreOrderedByPerson() {
        Sighting sameInstant = Sighting.of(TAMPER.subject("S-0").received());

        assertThat(IdentityRule.decide(Optional.of(FIRST), sameInstant))
                .isEqualTo(new IdentityRule.OtherPerson(new Retraction(sameInstant, FIRST)));
        assertThat(IdentityRule.decide(Optional.of(sameInstant), FIRST))
                .isEqualTo(new IdentityRule.OtherPerson(new Retraction(sameInstant, FIRST)));
    }

    @Test
    void theConflictIsReportedForTheRetractedCopyWithItsOwnTimes() {
        DataQualityEvent report = IdentityRule.conflictReport(new Retraction(FIRST, OTHER_PERSON_LATER));

        assertThat(report.issue()).isEqualTo(DataQualityEvent.Issue.CONFLICTING_DUPLICATE);
        assertThat(report.subjectId()).isEqualTo("S-2");
        assertThat(report.supplier()).isEqualTo("ems");
        assertThat(report.notificationId()).isEqualTo("EMS-000123");
        assertThat(report.eventTime()).isEqualTo(Notifications.OCCURRED);
        assertThat(report.detectedAt()).isEqualTo(Notifications.RECEIVED.plusSeconds(60));
        assertThat(report.detail()).isEqualTo("Notification EMS-000123 from ems arrived naming S-2 (received "
                + Notifications.RECEIVED.plusSeconds(60) + "), but its first copy named S-1 (received "
                + Notifications.RECEIVED + "); the first copy was kept and what this one caused is withdrawn.");
    }
}
