package uk.gov.em.hub.cases.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeTargetsTest {

    private static final LegalClock LEGAL = new LegalClock(Period.ofMonths(6), 30);
    private static final TimeTargets TARGETS = new TimeTargets(5, 10, Period.ofWeeks(8), 10, Period.ofDays(14),
            Period.ofWeeks(8), LEGAL);
    /** A Friday. */
    private static final Instant FRIDAY = Instant.parse("2026-11-20T10:00:00Z");

    private static Instant t(String at) {
        return Instant.parse(at);
    }

    static HubCase aCase(Queue queue, CaseStatus status, Instant raisedAt, CaseProgress progress) {
        return new HubCase("c-1", "s-1", queue, Severity.HIGH, null, "STRAP_TAMPER", "p", "r", null, "x", null,
                t("2026-10-01T08:00:00Z"), raisedAt, raisedAt, status, raisedAt, null, null, null, null, null, null,
                false, progress);
    }

    @Test
    void oneWorkingDayAfterFridayIsMonday() {
        assertThat(WorkingDays.add(FRIDAY, 1)).isEqualTo(t("2026-11-23T10:00:00Z"));
    }

    @Test
    void fiveWorkingDaysAfterFridayIsTheNextFridayAcrossTheWeekend() {
        assertThat(WorkingDays.add(FRIDAY, 5)).isEqualTo(t("2026-11-27T10:00:00Z"));
    }

    @Test
    void aStartAtTheWeekendCountsFromTheWeekend() {
        assertThat(WorkingDays.add(t("2026-11-21T10:00:00Z"), 1)).isEqualTo(t("2026-11-23T10:00:00Z"));
        assertThat(WorkingDays.add(t("2026-11-22T23:00:00Z"), 1)).isEqualTo(t("2026-11-23T23:00:00Z"));
    }

    @Test
    void zeroWorkingDaysIsNowAndANegativeCountIsRefused() {
        assertThat(WorkingDays.add(FRIDAY, 0)).isEqualTo(FRIDAY);
        assertThatThrownBy(() -> WorkingDays.add(FRIDAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWarningIsDueFiveWorkingDaysAfterItWasRaisedAndAReviewTen() {
        assertThat(TARGETS.firstActionDue(Queue.WARNINGS, FRIDAY, FRIDAY)).isEqualTo(t("2026-11-27T10:00:00Z"));
        assertThat(TARGETS.firstActionDue(Queue.REVIEWS, FRIDAY, FRIDAY)).isEqualTo(t("2026-12-04T10:00:00Z"));
    }

    @Test
    void aProsecutionIsDueEightWeeksBeforeTheLegalClockRunsOut() {
        // offence 2026-10-01: last day 2027-04-01, minus 8 weeks = 2027-02-04
        assertThat(TARGETS.firstActionDue(Queue.PROSECUTIONS, FRIDAY, t("2026-10-01T08:00:00Z")))
                .isEqualTo(t("2027-02-04T00:00:00Z"));
    }

    @Test
    void aWarningLetterSetsTheMitigationDeadlineFourteenDaysOnAndTheCaseIsDueThen() {
        HubCase open = aCase(Queue.WARNINGS, CaseStatus.OPEN, FRIDAY, CaseProgress.NONE);

        CaseProgress after = TARGETS.afterAction(open, CaseAction.WARNING_LETTER_SENT, ActionDetails.NONE,
                CaseStatus.WARNING_SENT, FRIDAY);

        assertThat(after.mitigationDueAt()).isEqualTo(t("2026-12-04T10:00:00Z"));
        assertThat(after.dueAt()).isEqualTo(after.mitigationDueAt());
        assertThat(after.firstActionAt()).isEqualTo(FRIDAY);
    }

    @Test
    void mitigationReceivedMustBeAnsweredWithinTenWorkingDays() {
        HubCase sent = aCase(Queue.WARNINGS, CaseStatus.WARNING_SENT, FRIDAY, CaseProgress.NONE);

        CaseProgress after = TARGETS.afterAction(sent, CaseAction.MITIGATION_RECEIVED, ActionDetails.NONE,
                CaseStatus.MITIGATION_RECEIVED, FRIDAY);

        assertThat(after.dueAt()).isEqualTo(t("2026-12-04T10:00:00Z"));
    }

    @Test
    void aNoteIsNotAFirstActionAndDoesNotClearAFlag() {
        CaseProgress flagged = new CaseProgress(null, null, null, null, null, Attention.NO_MITIGATION_BY_DEADLINE,
                FRIDAY, null);
        HubCase c = aCase(Queue.WARNINGS, CaseStatus.WARNING_SENT, FRIDAY, flagged);

        CaseProgress after = TARGETS.afterAction(c, CaseAction.NOTE, ActionDetails.NONE, CaseStatus.WARNING_SENT, FRIDAY);

        assertThat(after.firstActionAt()).isNull();
        assertThat(after.attention()).isEqualTo(Attention.NO_MITIGATION_BY_DEADLINE);
    }

    @Test
    void aFlaggedWarningIsDueItsFirstActionTargetAgainCountedFromTheFlag() {
        HubCase sent = aCase(Queue.WARNINGS, CaseStatus.WARNING_SENT, FRIDAY,
                new CaseProgress(null, null, FRIDAY, FRIDAY.plusSeconds(60), null, null, null, null));

        CaseProgress flagged = TARGETS.flagged(sent, Attention.NO_MITIGATION_BY_DEADLINE, FRIDAY);

        assertThat(flagged.attention()).isEqualTo(Attention.NO_MITIGATION_BY_DEADLINE);
        assertThat(flagged.dueAt()).isEqualTo(t("2026-11-27T10:00:00Z"));
    }

    @Test
    void aReferralIsDueByTheEndOfTheLegalClocksLastDayAndAFinishedCaseIsDueNothing() {
        HubCase c = aCase(Queue.PROSECUTIONS, CaseStatus.OPEN, FRIDAY, CaseProgress.NONE);

        CaseProgress referred = TARGETS.afterAction(c, CaseAction.REFERRED_FOR_PROSECUTION, ActionDetails.NONE,
                CaseStatus.REFERRED, FRIDAY);
        CaseProgress closed = TARGETS.afterAction(c, CaseAction.NO_FURTHER_ACTION,
                new ActionDetails(null, "NOT_A_BREACH", null, null, null, null), CaseStatus.CLOSED, FRIDAY);

        assertThat(referred.dueAt()).isEqualTo(t("2027-04-02T00:00:00Z"));
        assertThat(referred.referredAt()).isEqualTo(FRIDAY);
        assertThat(closed.dueAt()).isNull();
        assertThat(closed.outcomeDetail()).isEqualTo("NOT_A_BREACH");
    }

    @Test
    void theLegalClockWarnsFromThirtyDaysBeforeItsLastDayUntilAProsecutionStarts() {
        HubCase open = aCase(Queue.PROSECUTIONS, CaseStatus.OPEN, FRIDAY, CaseProgress.NONE);
        HubCase charged = aCase(Queue.PROSECUTIONS, CaseStatus.CHARGED, FRIDAY, CaseProgress.NONE);

        assertThat(LEGAL.warns(open, LocalDate.parse("2027-03-01"))).isFalse();
        assertThat(LEGAL.warns(open, LocalDate.parse("2027-03-02"))).isTrue();
        assertThat(LEGAL.warns(open, LocalDate.parse("2027-05-01"))).isTrue();
        assertThat(LEGAL.warns(charged, LocalDate.parse("2027-03-20"))).isFalse();
    }

    @Test
    void aWarningsCaseHasNoLegalClockUntilItIsReferred() {
        HubCase warning = aCase(Queue.WARNINGS, CaseStatus.OPEN, FRIDAY, CaseProgress.NONE);

        assertThat(LEGAL.lastDayToStartProsecution(warning)).isEmpty();
        assertThat(LEGAL.warns(warning, LocalDate.parse("2027-04-01"))).isFalse();
    }
}
