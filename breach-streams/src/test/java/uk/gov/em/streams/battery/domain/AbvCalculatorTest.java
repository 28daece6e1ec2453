package uk.gov.em.streams.battery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AbvCalculatorTest {

    private static final Instant START = Instant.parse("2022-02-01T00:00:00Z");
    private static final Instant FAR = START.plus(Duration.ofDays(365));
    private static final AbvCalculator CALCULATOR = new AbvCalculator(Duration.ofHours(12), Duration.ofDays(7));

    @Test
    void elevenHoursFiftyNineMinutesFiftyNineSecondsIsNotEnough() {
        assertThat(instants(period("A", 0, Duration.ofHours(12).minusSeconds(1)))).isEmpty();
    }

    @Test
    void exactlyTwelveHoursRaisesAnAbvAtTheirEnd() {
        assertThat(instants(period("A", 0, Duration.ofHours(12)))).containsExactly(at(Duration.ofHours(12)));
    }

    @Test
    void aSingleEpisodeOfTwelveHoursOrMoreRaisesAnAbvAtItsStartPlusTwelveHours() {
        assertThat(instants(period("A", 3600, Duration.ofHours(20)))).containsExactly(at(Duration.ofHours(13)));
    }

    @Test
    void twoAbvsComeFromOneTwentyFourHourEpisode() {
        assertThat(instants(period("A", 0, Duration.ofHours(24))))
                .containsExactly(at(Duration.ofHours(12)), at(Duration.ofHours(24)));
    }

    @Test
    void periodsTwelveHoursApartAtTheWindowEdgeExactlySevenDaysRaiseAnAbv() {
        // A = [0, 6h), B = [7d − 6h, 7d): at T = 7 days the window (0, 7d] holds all of both.
        assertThat(instants(period("A", 0, Duration.ofHours(6)),
                period("B", Duration.ofDays(7).minusHours(6).toSeconds(), Duration.ofHours(6))))
                .containsExactly(at(Duration.ofDays(7)));
    }

    @Test
    void oneSecondBeyondTheWindowEdgeRaisesNothing() {
        assertThat(instants(period("A", 0, Duration.ofHours(6)),
                period("B", Duration.ofDays(7).minusHours(6).toSeconds() + 1, Duration.ofHours(6)))).isEmpty();
    }

    @Test
    void oneSecondInsideTheWindowEdgeRaisesAnAbvOneSecondEarlier() {
        assertThat(instants(period("A", 0, Duration.ofHours(6)),
                period("B", Duration.ofDays(7).minusHours(6).toSeconds() - 1, Duration.ofHours(6))))
                .containsExactly(at(Duration.ofDays(7).minusSeconds(1)));
    }

    @Test
    void overlappingPeriodsAreCountedOnce() {
        // [0, 8h) and [4h, 12h) cover 12 h, not 16 h: the ABV is at 12 h, not at 10 h.
        List<Abv> abvs = CALCULATOR.calculate(List.of(period("A", 0, Duration.ofHours(8)),
                period("B", Duration.ofHours(4).toSeconds(), Duration.ofHours(8))), START, FAR).due();

        assertThat(abvs).extracting(Abv::at).containsExactly(at(Duration.ofHours(12)));
        assertThat(abvs.getFirst().contributing()).singleElement().satisfies(c -> {
            assertThat(c.episodeIds()).containsExactly("A", "B");
            assertThat(c.length()).isEqualTo(Duration.ofHours(12));
        });
    }

    @Test
    void batteryTimeAtOrBeforeAnAbvIsConsumed() {
        // A raises at 12 h; B's 8 h alone are not enough; C's 4 h more make 12 new hours at 34 h.
        assertThat(instants(period("A", 0, Duration.ofHours(12)),
                period("B", Duration.ofHours(13).toSeconds(), Duration.ofHours(8)),
                period("C", Duration.ofHours(30).toSeconds(), Duration.ofHours(4))))
                .containsExactly(at(Duration.ofHours(12)), at(Duration.ofHours(34)));
    }

    @Test
    void withoutConsumptionTheSamePeriodsWouldHaveRaisedAnEarlierSecondAbvSoConsumptionIsWhatDelaysIt() {
        // B + C alone: 12 h at 34 h too; B + part of A would have made 12 h at 17 h had A not been consumed.
        assertThat(instants(period("A", 0, Duration.ofHours(12)),
                period("B", Duration.ofHours(13).toSeconds(), Duration.ofHours(8))))
                .containsExactly(at(Duration.ofHours(12)));
    }

    @Test
    void anAbvFallsInsideAnEpisodeToTheSecond() {
        assertThat(instants(period("A", 0, Duration.ofHours(5)),
                period("B", Duration.ofHours(30).toSeconds() + 17, Duration.ofHours(10))))
                .containsExactly(at(Duration.ofHours(37).plusSeconds(17)));
    }

    @Test
    void theEvidenceIsTheUnconsumedBatteryTimeCountedAndAddsUpToTwelveHours() {
        List<Abv> abvs = CALCULATOR.calculate(List.of(period("A", 0, Duration.ofHours(24))), START, FAR).due();

        Abv second = abvs.get(1);
        assertThat(second.windowStart()).isEqualTo(at(Duration.ofHours(12)));
        assertThat(second.contributing()).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo(at(Duration.ofHours(12)));
            assertThat(c.to()).isEqualTo(at(Duration.ofHours(24)));
        });
        assertThat(abvs).allSatisfy(abv -> assertThat(abv.counted()).isEqualTo(Duration.ofHours(12)));
    }

    @Test
    void anOpenEpisodeIsPendingUntilTheClockReachesT() {
        BatteryPeriod open = new BatteryPeriod("A", START, null);

        AbvCalculator.Result early = CALCULATOR.calculate(List.of(open), START, at(Duration.ofHours(5)));
        AbvCalculator.Result onTime = CALCULATOR.calculate(List.of(open), START, at(Duration.ofHours(12)));

        assertThat(early.due()).isEmpty();
        assertThat(early.pending()).map(Abv::at).contains(at(Duration.ofHours(12)));
        assertThat(onTime.due()).extracting(Abv::at).containsExactly(at(Duration.ofHours(12)));
        assertThat(onTime.pending()).map(Abv::at).contains(at(Duration.ofHours(24)));
    }

    @Test
    void nothingAtOrBeforeTheStartingConsumptionPointCounts() {
        assertThat(CALCULATOR.calculate(List.of(period("A", 0, Duration.ofHours(24))), at(Duration.ofHours(9)), FAR)
                .due()).extracting(Abv::at).containsExactly(at(Duration.ofHours(21)));
    }

    private static List<Instant> instants(BatteryPeriod... periods) {
        return CALCULATOR.calculate(Arrays.asList(periods), START.minusSeconds(1), FAR).due().stream().map(Abv::at).toList();
    }

    private static BatteryPeriod period(String id, long startSeconds, Duration length) {
        Instant from = START.plusSeconds(startSeconds);
        return new BatteryPeriod(id, from, from.plus(length));
    }

    private static Instant at(Duration sinceStart) {
        return START.plus(sinceStart);
    }
}
