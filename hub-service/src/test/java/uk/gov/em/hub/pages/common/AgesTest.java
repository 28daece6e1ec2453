package uk.gov.em.hub.pages.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgesTest {

    @Test
    void aTimeReadsAsTheDayTheMonthInWordsAndTheUkClock() {
        assertThat(Ages.when(Instant.parse("2022-02-03T10:00:00Z"))).isEqualTo("3 February 2022 at 10:00");
    }

    @Test
    void aSummerTimeReadsAsTheUkClockShowedIt() {
        assertThat(Ages.when(Instant.parse("2022-07-01T09:30:00Z"))).isEqualTo("1 July 2022 at 10:30");
    }

    @Test
    void aDateReadsAsTheDayAndTheMonthInWords() {
        assertThat(Ages.day(LocalDate.of(2022, 6, 30))).isEqualTo("30 June 2022");
    }

    @Test
    void aDurationReadsAsHoursAndMinutesWithThePluralsRight() {
        assertThat(Ages.duration(12 * 3600 + 20 * 60)).isEqualTo("12 hours 20 minutes");
        assertThat(Ages.duration(3600)).isEqualTo("1 hour");
        assertThat(Ages.duration(2 * 3600)).isEqualTo("2 hours");
        assertThat(Ages.duration(3600 + 60)).isEqualTo("1 hour 1 minute");
        assertThat(Ages.duration(45 * 60 + 59)).isEqualTo("45 minutes");
        assertThat(Ages.duration(1)).isEqualTo("1 second");
    }

    @Test
    void anAgeCountsTheLargestWholeUnitWithThePluralRight() {
        Instant now = Instant.parse("2022-02-03T10:00:00Z");
        assertThat(Ages.age(now.minusSeconds(3600), now)).isEqualTo("1 hour");
        assertThat(Ages.age(now.minusSeconds(3 * 86_400), now)).isEqualTo("3 days");
        assertThat(Ages.age(now, now)).isEqualTo("just now");
    }
}
