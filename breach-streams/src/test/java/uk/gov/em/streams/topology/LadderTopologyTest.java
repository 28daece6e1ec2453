package uk.gov.em.streams.topology;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.contracts.Subject;
import uk.gov.em.contracts.Topics;
import uk.gov.em.streams.Notifications;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** §5–§7 of the breach policy through the real topology: routes, the ladder, the subject register. */
class LadderTopologyTest {

    private static final Instant S = Instant.parse("2022-01-10T22:00:00Z");
    private static final String PERSON = "S-100045";

    @TempDir
    Path stateDir;

    private BreachDriver driver;
    private int sent;

    @BeforeEach
    void start() {
        driver = new BreachDriver(stateDir, "ladder-test", S);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theFirstTwoQualifyingBreachesGoToWarningsTheThirdToReviewsAndTheFourthToProsecutions() {
        breach(BreachType.ABSENCE_15_MIN, Duration.ZERO);
        breach(BreachType.LOCATION_BREACH, Duration.ofDays(5));
        breach(BreachType.CURFEW_MISSED_FULL, Duration.ofDays(24));
        breach(BreachType.NEGATIVE_RAM, Duration.ofDays(30));

        assertThat(driver.raised()).extracting(BreachCase::queue)
                .containsExactly(Queue.WARNINGS, Queue.WARNINGS, Queue.REVIEWS, Queue.PROSECUTIONS);
        assertThat(driver.raised().get(2).explanation()).isEqualTo("3rd qualifying breach in 90 days (CURFEW_MISSED_FULL "
                + "on 2022-02-03; earlier: ABSENCE_15_MIN on 2022-01-10, LOCATION_BREACH on 2022-01-15) → review "
                + "(policy 2022.04-v1, rule ladder.reviews).");
        assertThat(driver.raised().get(3).evidence().qualifyingBreaches()).isEqualTo(4);
        assertThat(driver.raised().get(3).evidence().earlierBreaches()).hasSize(3);
    }

    @Test
    void anAbvIsAQualifyingBreachOnTheLadder() {
        breach(BreachType.ABSENCE_15_MIN, Duration.ZERO);
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(1));
        driver.send(Notifications.a(BreachType.BATTERY_DEPLETED).id("N-bat").occurredAt(S.plus(Duration.ofDays(2)))
                .endedAt(S.plus(Duration.ofDays(2)).plusSeconds(43_200)).receivedAt(S.plus(Duration.ofDays(3))));

        BreachCase abv = driver.raised().getLast();
        assertThat(abv.trigger()).isEqualTo(BreachCase.TRIGGER_ABV);
        assertThat(abv.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(abv.explanation()).contains("3rd qualifying breach in 90 days (ABV on 2022-01-13; earlier: "
                + "ABSENCE_15_MIN on 2022-01-10, ABSENCE_15_MIN on 2022-01-11) → review");
        List<BreachCase> earlier = driver.raised().subList(0, 2);
        assertThat(abv.reason().placement()).isEqualTo(new CaseReason.Ladder(3, 90, List.of(
                new CaseReason.EarlierBreach("ABSENCE_15_MIN", earlier.get(0).openedAt(), earlier.get(0).caseId()),
                new CaseReason.EarlierBreach("ABSENCE_15_MIN", earlier.get(1).openedAt(), earlier.get(1).caseId())),
                Queue.REVIEWS, false));
    }

    @Test
    void breachesMoreThanNinetyDaysEarlierDoNotCount() {
        breach(BreachType.ABSENCE_15_MIN, Duration.ZERO);
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(1));
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(90).plusSeconds(1));

        assertThat(driver.raised().getLast().queue()).isEqualTo(Queue.WARNINGS);
        assertThat(driver.raised().getLast().evidence().qualifyingBreaches()).isEqualTo(2);
    }

    @Test
    void aLateBreachCountsForLaterCasesButDoesNotReRouteCasesAlreadyRaised() {
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(10));
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(11));
        breach(BreachType.LOCATION_BREACH, Duration.ofDays(5));
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(12));

        assertThat(driver.raised()).extracting(BreachCase::queue)
                .containsExactly(Queue.WARNINGS, Queue.WARNINGS, Queue.WARNINGS, Queue.PROSECUTIONS);
        assertThat(driver.withdrawn()).isEmpty();
    }

    @Test
    void aVulnerablePersonNeverGoesStraightToProsecutions() {
        driver.register(new Subject(PERSON, HarmLevel.VERY_HIGH, true, null, null, S));
        for (int i = 0; i < 4; i++) {
            breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(i));
        }
        breach(BreachType.STRAP_TAMPER, Duration.ofDays(5));

        assertThat(driver.raised()).extracting(BreachCase::queue)
                .containsExactly(Queue.WARNINGS, Queue.WARNINGS, Queue.REVIEWS, Queue.REVIEWS, Queue.REVIEWS);
        assertThat(driver.raised().get(3).explanation()).contains("→ review, not prosecution, as the person is flagged vulnerable");
        assertThat(driver.raised().get(3).ruleId()).isEqualTo("ladder.vulnerable-not-prosecutions");
        assertThat(driver.raised().get(4).ruleId()).isEqualTo("ladder.vulnerable-not-prosecutions");
        assertThat(driver.raised().get(3).reason().placement()).isInstanceOfSatisfying(CaseReason.Ladder.class, ladder -> {
            assertThat(ladder.position()).isEqualTo(4);
            assertThat(ladder.queue()).isEqualTo(Queue.REVIEWS);
            assertThat(ladder.vulnerableOverride()).isTrue();
        });
        assertThat(driver.raised().get(4).reason()).isEqualTo(new CaseReason.SingleBreach("N-5",
                "STRAP_TAMPER", S.plus(Duration.ofDays(5)), new CaseReason.Direct(Queue.REVIEWS, Severity.HIGH, true),
                "ladder.vulnerable-not-prosecutions", "2022.04-v1"));
    }

    @Test
    void theCaseCarriesThePersonsHarmLevelFromTheSubjectRegister() {
        driver.register(new Subject(PERSON, HarmLevel.HIGH, false, null, null, S));
        breach(BreachType.ABSENCE_15_MIN, Duration.ZERO);
        driver.register(new Subject(PERSON, HarmLevel.LOW, false, null, null, S.plusSeconds(5)));
        breach(BreachType.ABSENCE_15_MIN, Duration.ofDays(1));

        assertThat(driver.raised()).extracting(BreachCase::harmLevel).containsExactly(HarmLevel.HIGH, HarmLevel.LOW);
    }

    @Test
    void aPersonNotOnTheRegisterHasAnUnknownHarmLevelAndIsNotTreatedAsVulnerable() {
        driver.send(Notifications.a(BreachType.STRAP_TAMPER).subject("S-unknown"));

        assertThat(driver.raised()).singleElement().satisfies(c -> {
            assertThat(c.harmLevel()).isNull();
            assertThat(c.queue()).isEqualTo(Queue.PROSECUTIONS);
        });
    }

    @Test
    void anUnreadableSubjectRegisterEntryCountsAsUnknownAndStopsNothing() {
        driver.register(new Subject(PERSON, HarmLevel.HIGH, true, null, null, S));
        driver.driver().createInputTopic(Topics.SUBJECTS, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(PERSON, "{not json".getBytes(StandardCharsets.UTF_8));
        driver.send(Notifications.a(BreachType.STRAP_TAMPER));

        assertThat(driver.raised()).singleElement().satisfies(c -> {
            assertThat(c.harmLevel()).isNull();
            assertThat(c.queue()).isEqualTo(Queue.PROSECUTIONS);
        });
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"BATTERY_DEPLETED", "OUT_OF_CONTACT", "INABILITY_TO_MONITOR", "DEVICE_FAULT"})
    void episodeTypesAndSupplierFailingsRaiseNoCase(BreachType type) {
        driver.send(Notifications.a(type).endedAt(Notifications.OCCURRED.plusSeconds(3600)));

        assertThat(driver.cases()).isEmpty();
        assertThat(driver.dataQuality()).isEmpty();
    }

    @Test
    void aConflictingDuplicateIsReportedAndChangesNothing() {
        Notifications first = Notifications.a(BreachType.ABSENCE_15_MIN);
        driver.send(first).send(first.occurredAt(first.occurredAt().plusSeconds(60)).receivedAt(first.receivedAt().plusSeconds(60)));

        assertThat(driver.raised()).singleElement().satisfies(c -> assertThat(c.openedAt()).isEqualTo(first.occurredAt()));
        assertThat(driver.dataQuality()).singleElement().satisfies(r ->
                assertThat(r.issue().name()).isEqualTo("CONFLICTING_DUPLICATE"));
    }

    private Notifications breach(BreachType type, Duration after) {
        Instant at = S.plus(after);
        Notifications n = Notifications.a(type).id("N-" + (++sent)).occurredAt(at).receivedAt(at.plusSeconds(120));
        driver.send(n);
        return n;
    }
}
