package uk.gov.em.hub.reviews.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewScheduleTest {

    private final ReviewSchedule schedule = new ReviewSchedule(Period.ofMonths(4));
    private final LocalDate start = LocalDate.parse("2022-01-31");

    @Test
    void theFirstReviewFallsDueFourMonthsAfterTheEmStart() {
        assertThat(schedule.nextDue(start, null)).isEqualTo(LocalDate.parse("2022-05-31"));
    }

    @Test
    void laterReviewsFallDueFourMonthsAfterTheLastCompletedOne() {
        assertThat(schedule.nextDue(start, LocalDate.parse("2022-06-15"))).isEqualTo(LocalDate.parse("2022-10-15"));
    }

    @Test
    void aReviewCompletedBeforeTheStartDoesNotCount() {
        assertThat(schedule.nextDue(start, LocalDate.parse("2021-12-01"))).isEqualTo(LocalDate.parse("2022-05-31"));
    }

    @Test
    void aReviewIsDueOnItsDueDateAndNotTheDayBefore() {
        assertThat(schedule.dueOn(LocalDate.parse("2022-05-30"), start, null)).isEmpty();
        assertThat(schedule.dueOn(LocalDate.parse("2022-05-31"), start, null)).contains(LocalDate.parse("2022-05-31"));
        assertThat(schedule.dueOn(LocalDate.parse("2023-01-01"), start, null)).contains(LocalDate.parse("2022-05-31"));
    }

    @Test
    void theSamePersonAndDueDateAlwaysMakeTheSameCaseId() {
        assertThat(ReviewSchedule.caseId("s-1", LocalDate.parse("2022-05-31")))
                .isEqualTo(ReviewSchedule.caseId("s-1", LocalDate.parse("2022-05-31")))
                .isEqualTo("review:s-1:2022-05-31");
    }

    @Test
    void theExplanationSaysWhatTheReviewCountsFrom() {
        assertThat(schedule.explanation(start, null, LocalDate.parse("2022-05-31")))
                .isEqualTo("Scheduled review due 2022-05-31: 4 months since EM start on 2022-01-31");
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new ReviewSchedule(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
