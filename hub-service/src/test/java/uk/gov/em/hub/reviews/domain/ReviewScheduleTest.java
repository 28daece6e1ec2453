package uk.gov.em.hub.reviews.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewScheduleTest {

    private final ReviewSchedule schedule = new ReviewSchedule(Period.ofMonths(3));
    private final LocalDate start = LocalDate.parse("2022-01-31");

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void aReviewIsDueOnTheDayThreeMonthsAfterTheEmStartAndNotTheDayBefore() {
        assertThat(schedule.dueOn(d("2022-04-29"), start, null, null)).isEmpty();
        assertThat(schedule.dueOn(d("2022-04-30"), start, null, null)).contains(d("2022-04-30"));
    }

    @Test
    void reviewsFallDueEveryThreeMonthsCountedFromTheStartSoMonthEndsDoNotDrift() {
        assertThat(schedule.nth(start, 1)).isEqualTo(d("2022-04-30"));
        assertThat(schedule.nth(start, 2)).isEqualTo(d("2022-07-31"));
        assertThat(schedule.nth(start, 4)).isEqualTo(d("2023-01-31"));
    }

    @Test
    void theNextReviewIsNotRaisedAgainUntilItsOwnDueDate() {
        assertThat(schedule.dueOn(d("2022-07-30"), start, null, d("2022-04-30"))).isEmpty();
        assertThat(schedule.dueOn(d("2022-07-31"), start, null, d("2022-04-30"))).contains(d("2022-07-31"));
    }

    @Test
    void missedCyclesRaiseOnlyTheLatestReviewDue() {
        assertThat(schedule.dueOn(d("2023-02-15"), start, null, null)).contains(d("2023-01-31"));
    }

    @Test
    void noReviewIsRaisedAfterTheEmEndDate() {
        assertThat(schedule.dueOn(d("2022-04-30"), start, d("2022-04-29"), null)).isEmpty();
        assertThat(schedule.dueOn(d("2022-05-01"), start, d("2022-04-30"), null)).isEmpty();
        assertThat(schedule.dueOn(d("2022-04-30"), start, d("2022-04-30"), null)).contains(d("2022-04-30"));
    }

    @Test
    void theSamePersonAndDueDateAlwaysMakeTheSameCaseId() {
        assertThat(ReviewSchedule.caseId("S-1", d("2022-04-30")))
                .isEqualTo(ReviewSchedule.caseId("S-1", d("2022-04-30")))
                .isNotEqualTo(ReviewSchedule.caseId("S-1", d("2022-07-31")));
    }

    @Test
    void theExplanationSaysWhatTheReviewCountsFrom() {
        assertThat(schedule.explanation(start, d("2022-04-30")))
                .isEqualTo("Scheduled review due 2022-04-30: every 3 months since EM start on 2022-01-31");
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new ReviewSchedule(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
