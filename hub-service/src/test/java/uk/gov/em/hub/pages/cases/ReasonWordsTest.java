package uk.gov.em.hub.pages.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.testing.RepositoryFiles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonWordsTest {

    private static final String POLICY = "2022.04-v1";
    private static final Instant T = Instant.parse("2022-02-03T09:00:00Z");
    private static final Instant CURFEW = Instant.parse("2022-02-03T21:15:00Z");
    private static final List<CaseReason.EarlierBreach> TWO_EARLIER = List.of(
            new CaseReason.EarlierBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T22:00:00Z"), "C-a"),
            new CaseReason.EarlierBreach("ACCUMULATED_BATTERY_VIOLATION", Instant.parse("2022-01-21T04:00:00Z"), "C-b"));

    @Test
    void anAbvSaysHowMuchBatteryTimeInWhichSevenDaysAndWhereTheLadderSentIt() {
        CaseReason abv = CaseReason.AccumulatedBatteryViolation.of(Instant.parse("2022-01-27T09:00:00Z"), T, List.of(
                        new CaseReason.BatteryPeriod(List.of("E1"), Instant.parse("2022-02-01T00:00:00Z"),
                                Instant.parse("2022-02-01T03:40:00Z"), 13_200),
                        new CaseReason.BatteryPeriod(List.of("E2", "E3"), Instant.parse("2022-02-03T00:40:00Z"), T, 30_000)),
                43_200, new CaseReason.Ladder(1, 90, List.of(), Queue.WARNINGS, false), "ladder.warnings", POLICY);

        assertThat(ReasonWords.sentence(abv)).isEqualTo("The tag was out of contact with a flat battery for 12 hours "
                + "over 2 periods in the 7 days from 27 January 2022 at 09:00 to 3 February 2022 at 09:00, which reaches "
                + "the limit of 12 hours. It is the first qualifying breach in 90 days, so the case goes to the warnings "
                + "queue.");
        assertThat(ReasonWords.periods(abv)).containsExactly(
                "From 1 February 2022 at 00:00 to 1 February 2022 at 03:40: 3 hours 40 minutes (episode E1)",
                "From 3 February 2022 at 00:40 to 3 February 2022 at 09:00: 8 hours 20 minutes (episodes E2 and E3)");
    }

    @Test
    void anAbvFromOnePeriodSaysOnePeriod() {
        CaseReason abv = CaseReason.AccumulatedBatteryViolation.of(Instant.parse("2022-01-27T09:00:00Z"), T, List.of(
                        new CaseReason.BatteryPeriod(List.of("E1"), T.minusSeconds(43_200), T, 43_200)),
                43_200, new CaseReason.Ladder(2, 90, List.of(TWO_EARLIER.getFirst()), Queue.WARNINGS, false),
                "ladder.warnings", POLICY);

        assertThat(ReasonWords.sentence(abv)).contains("for 12 hours over one period in the 7 days",
                "It is the second qualifying breach in 90 days (earlier: away from the curfew address for 15 minutes or more on 10 January 2022 "
                        + "at 22:00), so the case goes to the warnings queue.");
    }

    @Test
    void theThirdQualifyingBreachNamesTheEarlierOnesWithTheirDates() {
        CaseReason third = new CaseReason.SingleBreach("EMS-1", "CURFEW_MISSED_FULL", CURFEW,
                new CaseReason.Ladder(3, 90, TWO_EARLIER, Queue.REVIEWS, false), "ladder.reviews", POLICY);

        assertThat(ReasonWords.sentence(third)).isEqualTo("Missed a whole curfew on 3 February 2022 at 21:15. It is the "
                + "third qualifying breach in 90 days (earlier: away from the curfew address for 15 minutes or more on 10 January 2022 at 22:00 "
                + "and accumulated battery violation on 21 January 2022 at 04:00), so the case goes to the reviews queue.");
        assertThat(ReasonWords.periods(third)).isEmpty();
    }

    @Test
    void aVulnerablePersonsFourthBreachSaysWhereTheLadderWouldHaveSentItAndWhereItWent() {
        List<CaseReason.EarlierBreach> three = List.of(TWO_EARLIER.get(0), TWO_EARLIER.get(1),
                new CaseReason.EarlierBreach("LOCATION_BREACH", Instant.parse("2022-01-25T13:30:00Z"), "C-c"));
        CaseReason fourth = new CaseReason.SingleBreach("EMS-2", "ABSENCE_15_MIN", Instant.parse("2022-02-05T22:00:00Z"),
                new CaseReason.Ladder(4, 90, three, Queue.REVIEWS, true), "ladder.vulnerable-not-prosecutions", POLICY);

        assertThat(ReasonWords.sentence(fourth)).isEqualTo("Away from the curfew address for 15 minutes or more on 5 February 2022 at 22:00. "
                + "It is the fourth qualifying breach in 90 days (earlier: away from the curfew address for 15 minutes or more on 10 January 2022 "
                + "at 22:00, accumulated battery violation on 21 January 2022 at 04:00 and entered an exclusion zone or "
                + "left an inclusion zone on 25 January 2022 at 13:30). That would send it to the prosecutions queue, but "
                + "the person is flagged vulnerable, so the case goes to the reviews queue.");
    }

    @Test
    void aBreachThatGoesStraightToAQueueSaysHowSevereItIs() {
        CaseReason tamper = new CaseReason.SingleBreach("EMS-3", "STRAP_TAMPER", CURFEW,
                new CaseReason.Direct(Queue.PROSECUTIONS, Severity.HIGH, false), "route.strap-tamper", POLICY);

        assertThat(ReasonWords.sentence(tamper)).isEqualTo("Strap tampered with on 3 February 2022 at 21:15. It is a "
                + "high-severity breach, so the case goes straight to the prosecutions queue.");
    }

    @Test
    void aVulnerablePersonsStrapTamperSaysItWouldHaveGoneToProsecutions() {
        CaseReason tamper = new CaseReason.SingleBreach("EMS-3", "STRAP_TAMPER", CURFEW,
                new CaseReason.Direct(Queue.REVIEWS, Severity.HIGH, true), "ladder.vulnerable-not-prosecutions", POLICY);

        assertThat(ReasonWords.sentence(tamper)).isEqualTo("Strap tampered with on 3 February 2022 at 21:15. It is a "
                + "high-severity breach that would go straight to the prosecutions queue, but the person is flagged "
                + "vulnerable, so the case goes to the reviews queue.");
    }

    @Test
    void sevenDaysOutOfContactSaysWhenTheEpisodeBeganAndWhenItReachedTheLimit() {
        CaseReason battery = new CaseReason.OutOfContactSevenDays("EP-9", "BATTERY_DEPLETED",
                Instant.parse("2022-02-01T10:00:00Z"), Instant.parse("2022-02-08T10:00:00Z"), 604_800,
                new CaseReason.Direct(Queue.REVIEWS, Severity.CRITICAL, false), "route.out-of-contact-7-days", POLICY);
        CaseReason other = new CaseReason.OutOfContactSevenDays("EP-10", "OUT_OF_CONTACT",
                Instant.parse("2022-02-01T10:00:00Z"), Instant.parse("2022-02-08T10:00:00Z"), 604_800,
                new CaseReason.Direct(Queue.REVIEWS, Severity.CRITICAL, false), "route.out-of-contact-7-days", POLICY);

        assertThat(ReasonWords.sentence(battery)).isEqualTo("The tag was out of contact with a flat battery from "
                + "1 February 2022 at 10:00 with no end reported, reaching 7 days on 8 February 2022 at 10:00. It is a "
                + "critical-severity breach, so the case goes straight to the reviews queue.");
        assertThat(ReasonWords.sentence(other)).startsWith("The tag was out of contact from 1 February 2022 at 10:00 ");
    }

    @Test
    void timesReadInUkTimeAndLengthsToTheSecondWhenTheyHaveSeconds() {
        Instant summer = Instant.parse("2022-07-01T09:00:00Z");
        CaseReason abv = CaseReason.AccumulatedBatteryViolation.of(summer.minusSeconds(7 * 86_400), summer, List.of(
                        new CaseReason.BatteryPeriod(List.of("E1"), summer.minusSeconds(3661), summer, 3661)),
                43_200, new CaseReason.Ladder(1, 90, List.of(), Queue.WARNINGS, false), "ladder.warnings", POLICY);

        assertThat(ReasonWords.sentence(abv)).contains("for 1 hour 1 minute 1 second over one period",
                "to 1 July 2022 at 10:00");
    }

    @ParameterizedTest
    @CsvSource({"1, first", "9, ninth", "10, 10th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd",
            "23, 23rd", "65, 65th", "111, 111th"})
    void positionsOnTheLadderAreWordsUpToNinthAndFiguresAfter(int position, String words) {
        CaseReason breach = new CaseReason.SingleBreach("EMS-4", "LOCATION_BREACH", CURFEW,
                new CaseReason.Ladder(position, 90, List.of(), Queue.PROSECUTIONS, false), "ladder.prosecutions", POLICY);

        assertThat(ReasonWords.sentence(breach)).contains("It is the " + words + " qualifying breach in 90 days,");
    }

    @Test
    void theCaseRecordPageShowsTheSentenceTheHubWordsForItsExample() {
        String page = RepositoryFiles.read("docs/api/case-record.md");
        Matcher example = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page);
        Matcher shown = Pattern.compile("The hub shows it as: \\*(.*?)\\*", Pattern.DOTALL).matcher(page);
        assertThat(example.find()).isTrue();
        assertThat(shown.find()).isTrue();
        BreachCase documented = (BreachCase) Json.fromBytes(example.group(1).getBytes(StandardCharsets.UTF_8),
                CaseEvent.class);

        assertThat(ReasonWords.sentence(documented.reason())).isEqualTo(shown.group(1).replaceAll("\\s+", " "));
    }

    @Test
    void aReasonWhosePlacementThisHubDoesNotKnowSaysWhatHappenedOnly() {
        CaseReason newer = new CaseReason.SingleBreach("EMS-5", "SOMETHING_NEW", CURFEW, null, "r", POLICY);

        assertThat(ReasonWords.sentence(newer)).isEqualTo("SOMETHING_NEW on 3 February 2022 at 21:15.");
    }
}
