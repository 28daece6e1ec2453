package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.hub.common.domain.Rejection;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionDetailsTest {

    private static ActionDetails of(CaseAction action, String note, String outcome, String reason) {
        return ActionDetails.of(action, note, outcome, reason, null, null, null, null);
    }

    @Test
    void aReviewCompletedWithoutAnOutcomeOrWithAnUnknownOneIsUnprocessable() {
        assertThatThrownBy(() -> of(CaseAction.REVIEW_COMPLETED, null, null, null))
                .isInstanceOf(InvalidActionDetail.class).hasMessageContaining("needs outcome");
        assertThatThrownBy(() -> of(CaseAction.REVIEW_COMPLETED, null, "SHRUG", null))
                .isInstanceOf(InvalidActionDetail.class).hasMessageContaining("was 'SHRUG'");
        assertThat(of(CaseAction.REVIEW_COMPLETED, null, "VARY_CONDITIONS", null).outcome()).isEqualTo("VARY_CONDITIONS");
        assertThat(new InvalidActionDetail("x").kind()).isEqualTo(Rejection.Kind.UNPROCESSABLE);
    }

    @Test
    void noFurtherActionNeedsAReasonAndOtherNeedsANoteToo() {
        assertThatThrownBy(() -> of(CaseAction.NO_FURTHER_ACTION, null, null, null))
                .isInstanceOf(InvalidActionDetail.class).hasMessageContaining("needs reason");
        assertThatThrownBy(() -> of(CaseAction.NO_FURTHER_ACTION, " ", null, "OTHER"))
                .isInstanceOf(InvalidActionDetail.class).hasMessageContaining("OTHER needs a note");
        assertThat(of(CaseAction.NO_FURTHER_ACTION, "why", null, "OTHER").reason()).isEqualTo("OTHER");
        assertThat(of(CaseAction.NO_FURTHER_ACTION, null, null, "DEVICE_FAULT").reason()).isEqualTo("DEVICE_FAULT");
    }

    @Test
    void rejectingMitigationNeedsTheReasonInTheNoteAndAcceptingItNeedsNothingMore() {
        assertThatThrownBy(() -> of(CaseAction.MITIGATION_REJECTED, null, null, null))
                .isInstanceOf(InvalidActionDetail.class);
        assertThatThrownBy(() -> of(CaseAction.MITIGATION_REJECTED, "", null, null))
                .isInstanceOf(InvalidActionDetail.class);
        assertThat(of(CaseAction.MITIGATION_REJECTED, "no evidence of the fault", null, null)).isEqualTo(ActionDetails.NONE);
        // The contract's MITIGATION_ACCEPTED took no note before the 2026-11-25 additions; it still needs none.
        assertThat(of(CaseAction.MITIGATION_ACCEPTED, null, null, null)).isEqualTo(ActionDetails.NONE);
    }

    @Test
    void aContactAttemptNeedsItsMethodAndWhetherItReachedThePerson() {
        assertThatThrownBy(() -> ActionDetails.of(CaseAction.CONTACT_ATTEMPTED, null, null, null, "PHONE", null, null, null))
                .isInstanceOf(InvalidActionDetail.class).hasMessageContaining("reached");
        ActionDetails d = ActionDetails.of(CaseAction.CONTACT_ATTEMPTED, null, null, null, "VISIT", false, null, null);
        assertThat(d.method()).isEqualTo(ContactMethod.VISIT);
        assertThat(d.reached()).isFalse();
    }

    @Test
    void aSafeguardingReferralNeedsTheAgency() {
        assertThatThrownBy(() -> ActionDetails.of(CaseAction.SAFEGUARDING_REFERRAL, null, null, null, null, null, null, " "))
                .isInstanceOf(InvalidActionDetail.class);
        assertThat(ActionDetails.of(CaseAction.SAFEGUARDING_REFERRAL, null, null, null, null, null, null, " Adult social care ")
                .agency()).isEqualTo("Adult social care");
    }

    @Test
    void aReferralWithNoWarningServedNeedsAWrittenJustification() {
        assertThat(ActionPreconditions.referralJustified(false, null)).isPresent();
        assertThat(ActionPreconditions.referralJustified(false, "repeated, serious breaches")).isEmpty();
        assertThat(ActionPreconditions.referralJustified(true, null)).isEmpty();
    }

    @Test
    void aSevenDayOutOfContactCaseIsEscalatedOnlyAfterAllThreePartiesAreNotified() {
        String sevenDay = BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS;
        assertThat(ActionPreconditions.partiesNotifiedBeforeEscalation(sevenDay, Set.of(NotifiedParty.OFFENDER_MANAGER)))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("LEGAL_REPRESENTATIVE", "RETURNS_CASEWORKER"));
        assertThat(ActionPreconditions.partiesNotifiedBeforeEscalation(sevenDay, EnumSet.allOf(NotifiedParty.class))).isEmpty();
        assertThat(ActionPreconditions.partiesNotifiedBeforeEscalation("STRAP_TAMPER", Set.of())).isEmpty();
    }
}
