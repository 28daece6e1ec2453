package uk.gov.em.streams.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.Subject;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.cases.domain.CaseIds;
import uk.gov.em.streams.person.domain.PersonState;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §2–§4 of the breach policy, edge by edge, through the real topology. */
class BatteryTopologyTest {

    private static final Instant S = Instant.parse("2022-02-01T00:00:00Z");
    private static final String PERSON = "S-100045";

    @TempDir
    Path stateDir;

    private BreachDriver driver;

    @BeforeEach
    void start() {
        driver = new BreachDriver(stateDir, "battery-test", S);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void batteryTimeOfElevenHoursFiftyNineMinutesFiftyNineSecondsRaisesNothing() {
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(12).minusSeconds(1)));

        assertThat(driver.cases()).isEmpty();
    }

    @Test
    void batteryTimeOfExactlyTwelveHoursRaisesOneAbvAtTheSecondItIsReached() {
        Notifications episode = battery("E1", Duration.ZERO, Duration.ofHours(12));
        driver.send(episode);

        assertThat(driver.raised()).singleElement().satisfies(abv -> {
            assertThat(abv.trigger()).isEqualTo(BreachCase.TRIGGER_ABV);
            assertThat(abv.caseId()).isEqualTo(CaseIds.forAbv(PERSON, at(Duration.ofHours(12))));
            assertThat(abv.openedAt()).isEqualTo(at(Duration.ofHours(12)));
            assertThat(abv.raisedAt()).isEqualTo(episode.receivedAt());
            assertThat(abv.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(abv.queue()).isEqualTo(Queue.WARNINGS);
            assertThat(abv.policyVersion()).isEqualTo("2022.04-v1");
            assertThat(abv.ruleId()).isEqualTo("ladder.warnings");
            assertThat(abv.evidence().notificationIds()).containsExactly("N-E1");
            assertThat(abv.evidence().periods()).containsExactly(
                    new CaseEvidence.Period("E1", S, at(Duration.ofHours(12)), 43_200));
            assertThat(abv.evidence().qualifyingBreaches()).isEqualTo(1);
            assertThat(abv.explanation()).startsWith("12 h of battery time out of contact within 7 days reached at "
                    + "2022-02-01T12:00:00Z (episodes E1); 1st qualifying breach in 90 days (ABV on 2022-02-01) → warning");
        });
    }

    @Test
    void anAbvsReasonListsTheBatteryPeriodsThatCountedWithTheirTotalAndTheWindow() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(3)))
                .send(battery("B", Duration.ofDays(2), Duration.ofHours(4).plusMinutes(20)))
                .send(battery("C", Duration.ofDays(4), Duration.ofHours(3)))
                .send(battery("D", Duration.ofDays(4).plusHours(2), Duration.ofHours(6)));
        Instant t = at(Duration.ofDays(4).plusHours(4).plusMinutes(40));

        BreachCase abv = driver.raised().getFirst();

        assertThat(abv.contractVersion()).isEqualTo(BreachCase.CONTRACT_VERSION);
        assertThat(abv.reason()).isEqualTo(new CaseReason.AccumulatedBatteryViolation(t.minus(Duration.ofDays(7)), t,
                List.of(new CaseReason.BatteryPeriod(List.of("A"), S, at(Duration.ofHours(3)), 10_800),
                        new CaseReason.BatteryPeriod(List.of("B"), at(Duration.ofDays(2)),
                                at(Duration.ofDays(2).plusHours(4).plusMinutes(20)), 15_600),
                        new CaseReason.BatteryPeriod(List.of("C", "D"), at(Duration.ofDays(4)), t, 16_800)),
                43_200, 43_200, new CaseReason.Ladder(1, 90, List.of(), Queue.WARNINGS, false), "ladder.warnings",
                "2022.04-v1"));
    }

    @Test
    void twoPeriodsWhoseSpanIsExactlySevenDaysRaiseAnAbvAtSevenDays() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(6)))
                .send(battery("B", Duration.ofDays(7).minusHours(6), Duration.ofHours(6)));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofDays(7)));
    }

    @Test
    void twoPeriodsOneSecondMoreThanSevenDaysApartRaiseNothing() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(6)))
                .send(battery("B", Duration.ofDays(7).minusHours(6).plusSeconds(1), Duration.ofHours(6)));

        assertThat(driver.cases()).isEmpty();
    }

    @Test
    void twoPeriodsOneSecondLessThanSevenDaysApartRaiseAnAbvOneSecondBeforeSevenDays() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(6)))
                .send(battery("B", Duration.ofDays(7).minusHours(6).minusSeconds(1), Duration.ofHours(6)));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofDays(7).minusSeconds(1)));
    }

    @Test
    void overlappingPeriodsOfOnePersonAreCountedOnce() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(8)))
                .send(battery("B", Duration.ofHours(4), Duration.ofHours(8)));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)));
        assertThat(driver.withdrawn()).isEmpty();
    }

    @Test
    void aTwentyFourHourEpisodeRaisesTwoAbvsAndTheSecondCountsOnlyUnconsumedTime() {
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(24)));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)), at(Duration.ofHours(24)));
        assertThat(driver.raised().get(1).evidence().periods()).containsExactly(
                new CaseEvidence.Period("E1", at(Duration.ofHours(12)), at(Duration.ofHours(24)), 43_200));
        assertThat(driver.raised().get(1).evidence().qualifyingBreaches()).isEqualTo(2);
    }

    @Test
    void batteryTimeAtOrBeforeAnAbvIsConsumedSoTheNextNeedsTwelveNewHours() {
        driver.send(battery("A", Duration.ZERO, Duration.ofHours(12)))
                .send(battery("B", Duration.ofHours(13), Duration.ofHours(8)));
        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)));

        driver.send(battery("C", Duration.ofHours(30), Duration.ofHours(4)));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)), at(Duration.ofHours(34)));
    }

    @Test
    void anOpenEpisodeRaisesItsAbvWhenTheWallClockReachesTwelveHoursNotWhenItEnds() {
        driver.send(open("E1", Duration.ZERO).receivedAt(S.plusSeconds(60)));
        driver.advanceWallClock(Duration.ofHours(12).minusSeconds(10));
        assertThat(driver.cases()).isEmpty();

        driver.advanceWallClock(Duration.ofSeconds(10));

        assertThat(driver.raised()).singleElement().satisfies(abv -> {
            assertThat(abv.openedAt()).isEqualTo(at(Duration.ofHours(12)));
            assertThat(abv.raisedAt()).isEqualTo(at(Duration.ofHours(12)));
        });
    }

    @Test
    void anOpenEpisodeReachingOneHundredAndSixtyEightHoursRaisesOneCriticalOutOfContactCase() {
        driver.send(open("E1", Duration.ZERO).type(BreachType.OUT_OF_CONTACT).receivedAt(S.plusSeconds(60)));
        driver.advanceWallClock(Duration.ofHours(168).minusSeconds(10));
        assertThat(driver.cases()).isEmpty();

        driver.advanceWallClock(Duration.ofSeconds(10));
        driver.advanceWallClock(Duration.ofDays(3));

        assertThat(driver.raised()).singleElement().satisfies(c -> {
            assertThat(c.trigger()).isEqualTo(BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS);
            assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(c.queue()).isEqualTo(Queue.REVIEWS);
            assertThat(c.openedAt()).isEqualTo(at(Duration.ofHours(168)));
            assertThat(c.raisedAt()).isEqualTo(at(Duration.ofHours(168)));
            assertThat(c.caseId()).isEqualTo(CaseIds.forSevenDays(PERSON, BreachType.OUT_OF_CONTACT, "E1", at(Duration.ofHours(168))));
        });
    }

    @Test
    void afterTheEmEndDateNoBatteryOrOutOfContactCaseIsRaisedButOneFromBeforeItStands() {
        driver.register(new Subject(PERSON, null, false, null, null, S, LocalDate.parse("2022-02-04"),
                EmEndReason.TAG_REMOVED));
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(12)))
                .send(battery("E2", Duration.ofDays(3), Duration.ofHours(13)))
                .send(open("E3", Duration.ofDays(3).plusHours(1)).type(BreachType.OUT_OF_CONTACT));
        driver.advanceWallClock(Duration.ofDays(12));

        assertThat(driver.raised()).singleElement().satisfies(abv -> {
            assertThat(abv.trigger()).isEqualTo(BreachCase.TRIGGER_ABV);
            assertThat(abv.openedAt()).isEqualTo(at(Duration.ofHours(12)));
        });
    }

    @Test
    void anOpenBatteryEpisodeRaisesAnAbvEveryTwelveHoursAndTheSevenDayCaseOnce() {
        driver.send(open("E1", Duration.ZERO).receivedAt(S.plusSeconds(60)));

        for (int hour = 0; hour < 200; hour++) {
            driver.advanceWallClock(Duration.ofHours(1));
        }

        assertThat(driver.abvsInForce()).hasSize(16).startsWith(at(Duration.ofHours(12))).endsWith(at(Duration.ofHours(192)));
        assertThat(driver.raised()).filteredOn(c -> c.trigger().equals(BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS))
                .singleElement().satisfies(c -> assertThat(c.openedAt()).isEqualTo(at(Duration.ofHours(168))));
    }

    @Test
    void aSplitEpisodeWhoseEndArrivesBeforeItsStartIsOneEpisodeFromEarliestStartToLatestEnd() {
        Notifications end = battery("E1", Duration.ofHours(8), Duration.ofHours(6)).id("N-E1-end");
        Notifications start = battery("E1", Duration.ZERO, Duration.ofHours(8)).id("N-E1-start")
                .receivedAt(end.receivedAt().plusSeconds(30));
        driver.send(end);
        assertThat(driver.cases()).isEmpty();

        driver.send(start);

        assertThat(driver.raised()).singleElement().satisfies(abv -> {
            assertThat(abv.openedAt()).isEqualTo(at(Duration.ofHours(12)));
            assertThat(abv.evidence().notificationIds()).containsExactly("N-E1-end", "N-E1-start");
        });
        assertThat(driver.withdrawn()).isEmpty();
    }

    @Test
    void aClosingNotificationArrivingBeforeTheOpeningOneKeepsTheEpisodeClosed() {
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(13)).id("N-close"))
                .send(open("E1", Duration.ZERO).id("N-open").receivedAt(at(Duration.ofHours(14))));
        driver.advanceWallClock(Duration.ofDays(9));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)));
        assertThat(driver.raised()).extracting(BreachCase::trigger).containsExactly(BreachCase.TRIGGER_ABV);
    }

    @Test
    void lateBatteryDataMovesAnAbvByWithdrawingItAndRaisingTheCorrectedOne() {
        driver.send(battery("B", Duration.ofHours(20), Duration.ofHours(12)));
        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(32)));

        Notifications late = battery("A", Duration.ZERO, Duration.ofHours(6)).receivedAt(at(Duration.ofDays(3)));
        driver.send(late);

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(26)));
        assertThat(driver.withdrawn()).singleElement().satisfies(w -> {
            assertThat(w.caseId()).isEqualTo(CaseIds.forAbv(PERSON, at(Duration.ofHours(32))));
            assertThat(w.replacedBy()).isEqualTo(CaseIds.forAbv(PERSON, at(Duration.ofHours(26))));
            assertThat(w.withdrawnAt()).isEqualTo(late.receivedAt());
            assertThat(w.reason()).isEqualTo("Late or corrected battery data moved this accumulated battery violation "
                    + "from 2022-02-02T08:00:00Z to 2022-02-02T02:00:00Z.");
        });
        assertThat(driver.cases().getLast()).isInstanceOf(BreachCase.class);
    }

    @Test
    void anEndReportedLateThatCutsAnOpenEpisodeShortWithdrawsTheAbvItHadRaised() {
        driver.send(open("E1", Duration.ZERO).receivedAt(S.plusSeconds(60)));
        driver.advanceWallClock(Duration.ofHours(13));
        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofHours(12)));

        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(10)).id("N-close").receivedAt(at(Duration.ofHours(13))));

        assertThat(driver.abvsInForce()).isEmpty();
        assertThat(driver.withdrawn()).singleElement().satisfies(w -> {
            assertThat(w.replacedBy()).isNull();
            assertThat(w.reason()).startsWith("Late or corrected battery data removed this accumulated battery violation");
        });
    }

    @Test
    void batteryDataMoreThanThirtyDaysOlderThanTheNewestEventIsReportedTooLateAndNotApplied() {
        driver.send(Notifications.a(BreachType.ABSENCE_15_MIN).id("N-new").occurredAt(at(Duration.ofDays(40)))
                .receivedAt(at(Duration.ofDays(40))));
        Notifications tooLate = battery("OLD", Duration.ofDays(10).minusSeconds(1), Duration.ofHours(13))
                .receivedAt(at(Duration.ofDays(41)));
        driver.send(tooLate);

        assertThat(driver.abvsInForce()).isEmpty();
        assertThat(driver.dataQuality()).singleElement().satisfies(r -> {
            assertThat(r.issue()).isEqualTo(DataQualityEvent.Issue.TOO_LATE);
            assertThat(r.notificationId()).isEqualTo("N-OLD");
            assertThat(r.subjectId()).isEqualTo(PERSON);
            assertThat(r.eventTime()).isEqualTo(tooLate.occurredAt());
            assertThat(r.detectedAt()).isEqualTo(tooLate.receivedAt());
            assertThat(r.detail()).contains("more than 30 days before the newest event");
        });
    }

    @Test
    void batteryDataExactlyThirtyDaysOlderThanTheNewestEventIsStillApplied() {
        driver.send(Notifications.a(BreachType.ABSENCE_15_MIN).id("N-new").occurredAt(at(Duration.ofDays(40)))
                .receivedAt(at(Duration.ofDays(40))));
        driver.send(battery("OLD", Duration.ofDays(10), Duration.ofHours(13)).receivedAt(at(Duration.ofDays(41))));

        assertThat(driver.abvsInForce()).containsExactly(at(Duration.ofDays(10).plusHours(12)));
        assertThat(driver.dataQuality()).isEmpty();
    }

    @Test
    void batteryNotificationsNeverOpenACaseByThemselves() {
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(5)))
                .send(battery("E2", Duration.ofHours(30), Duration.ofHours(5)));

        assertThat(driver.cases()).isEmpty();
    }

    @Test
    void aPersonsStateForgetsEpisodesOnceTheyAreOlderThanTheLatenessHorizonAndTheWindow() {
        driver.send(battery("E1", Duration.ZERO, Duration.ofHours(13)));
        assertThat(personState().episodes()).hasSize(1);

        driver.send(battery("E2", Duration.ofDays(38), Duration.ofHours(1)));

        assertThat(personState().episodes()).extracting(e -> e.episodeId()).containsExactly("E2");
        assertThat(personState().abvs()).isEmpty();
        assertThat(personState().frozenConsumedUntil()).isEqualTo(at(Duration.ofHours(12)));
        assertThat(driver.withdrawn()).isEmpty();
    }

    @Test
    void replayingBatteryInputWithLateDataIntoAFreshApplicationGivesTheSameCaseEvents(@TempDir Path other) {
        List<Notifications> input = List.of(
                battery("B", Duration.ofHours(20), Duration.ofHours(12)),
                open("C", Duration.ofDays(2)).receivedAt(at(Duration.ofDays(2)).plusSeconds(5)),
                battery("C", Duration.ofDays(2), Duration.ofHours(5)).id("N-C-end").receivedAt(at(Duration.ofDays(2).plusHours(5))),
                battery("A", Duration.ZERO, Duration.ofHours(6)).receivedAt(at(Duration.ofDays(3))),
                Notifications.a(BreachType.CURFEW_MISSED_FULL).id("N-curfew").occurredAt(at(Duration.ofDays(4)))
                        .receivedAt(at(Duration.ofDays(4))));
        input.forEach(driver::send);
        List<?> first = driver.cases();

        try (BreachDriver replay = new BreachDriver(other, "battery-replay", Instant.parse("2026-11-22T00:00:00Z"))) {
            input.forEach(replay::send);
            replay.advanceWallClock(Duration.ofMinutes(1));

            assertThat(first).hasSizeGreaterThanOrEqualTo(3);
            assertThat(replay.cases()).isEqualTo(first);
        }
    }

    /** The person's state as the person-store holds it, once the interval at which changed states are written has passed. */
    private PersonState personState() {
        driver.advanceWallClock(BreachDriver.SETTINGS.stateWriteInterval());
        KeyValueStore<String, PersonState> store = driver.driver().getKeyValueStore(BreachTopology.PERSON_STORE);
        return store.get(PERSON);
    }

    private static Notifications battery(String episode, Duration from, Duration length) {
        Instant start = S.plus(from);
        return Notifications.a(BreachType.BATTERY_DEPLETED).id("N-" + episode).episode(episode).occurredAt(start)
                .endedAt(start.plus(length)).receivedAt(start.plus(length).plusSeconds(300));
    }

    private static Notifications open(String episode, Duration from) {
        Instant start = S.plus(from);
        return Notifications.a(BreachType.BATTERY_DEPLETED).id("N-" + episode + "-open").episode(episode)
                .occurredAt(start).receivedAt(start.plusSeconds(60));
    }

    private static Instant at(Duration sinceStart) {
        return S.plus(sinceStart);
    }
}
