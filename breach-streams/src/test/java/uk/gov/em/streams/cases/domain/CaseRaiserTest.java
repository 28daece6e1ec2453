package uk.gov.em.streams.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseReason;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.battery.domain.Abv;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.Policy;
import uk.gov.em.streams.subjects.domain.SubjectFacts;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRaiserTest {

    private static final Policy POLICY = PolicyLoader.loadDefault();
    private static final SubjectFacts HIGH_HARM = new SubjectFacts(HarmLevel.HIGH, false);

    @Test
    void aStrapTamperRaisesAHighSeverityProsecutionsCaseThatExplainsItself() {
        BreachCase raised = raise(Notifications.a(BreachType.STRAP_TAMPER), List.of(), HIGH_HARM);

        assertThat(raised).isEqualTo(new BreachCase("C-d54cdad76059a26f265af334", "S-100045", Queue.PROSECUTIONS,
                Severity.HIGH, "STRAP_TAMPER", "2022.04-v1", "route.strap-tamper",
                new CaseEvidence(List.of("EMS-000123"), List.of(), 0, List.of()),
                Notifications.OCCURRED, Notifications.RECEIVED, HarmLevel.HIGH,
                "STRAP_TAMPER on 2022-02-03 is a high-severity breach that goes straight to prosecutions "
                        + "(policy 2022.04-v1, rule route.strap-tamper).",
                BreachCase.CONTRACT_VERSION, new CaseReason.SingleBreach("EMS-000123", "STRAP_TAMPER",
                        Notifications.OCCURRED, new CaseReason.Direct(Queue.PROSECUTIONS, Severity.HIGH, false),
                        "route.strap-tamper", "2022.04-v1")));
    }

    @Test
    void aVulnerablePersonsStrapTamperGoesToReviewsNotStraightToProsecutions() {
        BreachCase raised = raise(Notifications.a(BreachType.STRAP_TAMPER), List.of(), new SubjectFacts(null, true));

        assertThat(raised.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(raised.ruleId()).isEqualTo("ladder.vulnerable-not-prosecutions");
        assertThat(raised.explanation()).contains("flagged vulnerable so it goes to reviews");
        assertThat(raised.reason().placement()).isEqualTo(new CaseReason.Direct(Queue.REVIEWS, Severity.HIGH, true));
        assertThat(raised.reason().ruleId()).isEqualTo("ladder.vulnerable-not-prosecutions");
    }

    @Test
    void theThirdQualifyingBreachExplainsItselfAsThePolicyExampleDoes() {
        List<QualifyingBreach> history = List.of(
                new QualifyingBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T22:00:00Z"), "C-a"),
                new QualifyingBreach(BreachCase.TRIGGER_ABV, Instant.parse("2022-01-21T04:00:00Z"), "C-b"));

        BreachCase raised = raise(Notifications.a(BreachType.CURFEW_MISSED_FULL), history, SubjectFacts.UNKNOWN);

        assertThat(raised.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.ruleId()).isEqualTo("ladder.reviews");
        assertThat(raised.explanation()).isEqualTo("3rd qualifying breach in 90 days (CURFEW_MISSED_FULL on 2022-02-03; "
                + "earlier: ABSENCE_15_MIN on 2022-01-10, ABV on 2022-01-21) → review (policy 2022.04-v1, rule ladder.reviews).");
        assertThat(raised.evidence().qualifyingBreaches()).isEqualTo(3);
        assertThat(raised.evidence().earlierBreaches()).containsExactly(
                new CaseEvidence.EarlierBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T22:00:00Z")),
                new CaseEvidence.EarlierBreach(BreachCase.TRIGGER_ABV, Instant.parse("2022-01-21T04:00:00Z")));
        assertThat(raised.reason()).isEqualTo(new CaseReason.SingleBreach("EMS-000123", "CURFEW_MISSED_FULL",
                Notifications.OCCURRED, new CaseReason.Ladder(3, 90, List.of(
                        new CaseReason.EarlierBreach("ABSENCE_15_MIN", Instant.parse("2022-01-10T22:00:00Z"), "C-a"),
                        new CaseReason.EarlierBreach(BreachCase.TRIGGER_ABV, Instant.parse("2022-01-21T04:00:00Z"), "C-b")),
                        Queue.REVIEWS, false), "ladder.reviews", "2022.04-v1"));
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"BATTERY_DEPLETED", "OUT_OF_CONTACT", "INABILITY_TO_MONITOR", "DEVICE_FAULT"})
    void episodesAndSupplierFailingsRaiseNoCase(BreachType type) {
        assertThat(CaseRaiser.forNotification(Notifications.a(type).received(), POLICY, List.of(), SubjectFacts.UNKNOWN))
                .isEmpty();
    }

    @Test
    void theCaseIsOpenedAtTheBreachAndRaisedAtItsArrivalNotAtTheWallClock() {
        var late = Notifications.a(BreachType.LOCATION_BREACH)
                .occurredAt(Instant.parse("2021-12-31T23:59:59Z"))
                .receivedAt(Instant.parse("2022-01-04T08:00:00Z"));

        BreachCase raised = raise(late, List.of(), SubjectFacts.UNKNOWN);

        assertThat(raised.openedAt()).isEqualTo("2021-12-31T23:59:59Z");
        assertThat(raised.raisedAt()).isEqualTo("2022-01-04T08:00:00Z");
        assertThat(raised.explanation()).startsWith("1st qualifying breach in 90 days (LOCATION_BREACH on 2021-12-31) → warning");
    }

    @Test
    void anAbvCaseIsOpenedAtTCarriesItsClippedPeriodsAndSaysWhatAccumulated() {
        Instant t = Instant.parse("2022-02-03T09:00:00Z");
        Abv abv = new Abv(t, t.minusSeconds(7 * 86_400), List.of(
                new Abv.Contribution(List.of("EP-1"), Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T04:00:00Z")),
                new Abv.Contribution(List.of("EP-2", "EP-3"), Instant.parse("2022-02-03T01:00:00Z"), t)));

        BreachCase raised = CaseRaiser.abv("S-1", abv, List.of("N-3", "N-1", "N-2"), t.plusSeconds(60), POLICY,
                List.of(), HIGH_HARM).breachCase();

        assertThat(raised.caseId()).isEqualTo(CaseIds.forAbv("S-1", t));
        assertThat(raised.trigger()).isEqualTo("ACCUMULATED_BATTERY_VIOLATION");
        assertThat(raised.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(raised.queue()).isEqualTo(Queue.WARNINGS);
        assertThat(raised.openedAt()).isEqualTo(t);
        assertThat(raised.raisedAt()).isEqualTo(t.plusSeconds(60));
        assertThat(raised.harmLevel()).isEqualTo(HarmLevel.HIGH);
        assertThat(raised.evidence().notificationIds()).containsExactly("N-1", "N-2", "N-3");
        assertThat(raised.evidence().periods()).containsExactly(
                new CaseEvidence.Period("EP-1", Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T04:00:00Z"), 14_400),
                new CaseEvidence.Period("EP-2+EP-3", Instant.parse("2022-02-03T01:00:00Z"), t, 28_800));
        assertThat(raised.explanation()).isEqualTo("12 h of battery time out of contact within 7 days reached at "
                + "2022-02-03T09:00:00Z (episodes EP-1, EP-2, EP-3); 1st qualifying breach in 90 days "
                + "(ABV on 2022-02-03) → warning (policy 2022.04-v1, rule ladder.warnings).");
        assertThat(raised.reason()).isEqualTo(new CaseReason.AccumulatedBatteryViolation(
                Instant.parse("2022-01-27T09:00:00Z"), t, List.of(
                        new CaseReason.BatteryPeriod(List.of("EP-1"), Instant.parse("2022-02-01T00:00:00Z"),
                                Instant.parse("2022-02-01T04:00:00Z"), 14_400),
                        new CaseReason.BatteryPeriod(List.of("EP-2", "EP-3"), Instant.parse("2022-02-03T01:00:00Z"), t, 28_800)),
                43_200, 43_200, new CaseReason.Ladder(1, 90, List.of(), Queue.WARNINGS, false), "ladder.warnings",
                "2022.04-v1"));
    }

    @Test
    void anEpisodeOutOfContactForSevenDaysIsACriticalReviewsCaseOpenedAtStartPlus168Hours() {
        Instant start = Instant.parse("2022-02-01T10:00:00Z");
        Episode episode = Episode.of(BreachType.OUT_OF_CONTACT, "EP-9", List.of(new Episode.Report("N-9", start, null, start)), null);

        BreachCase raised = CaseRaiser.outOfContact("S-1", episode, start.plusSeconds(168 * 3600),
                start.plusSeconds(168 * 3600), POLICY, SubjectFacts.UNKNOWN);

        assertThat(raised.queue()).isEqualTo(Queue.REVIEWS);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.trigger()).isEqualTo("OUT_OF_CONTACT_7_DAYS");
        assertThat(raised.openedAt()).isEqualTo("2022-02-08T10:00:00Z");
        assertThat(raised.caseId()).isEqualTo(CaseIds.forSevenDays("S-1", BreachType.OUT_OF_CONTACT, "EP-9", start.plusSeconds(168 * 3600)));
        assertThat(raised.explanation()).isEqualTo("OUT_OF_CONTACT episode EP-9 began 2022-02-01T10:00:00Z and reached "
                + "168 h without an end at 2022-02-08T10:00:00Z; a critical-severity breach that goes straight to reviews "
                + "(policy 2022.04-v1, rule route.out-of-contact-7-days).");
        assertThat(raised.reason()).isEqualTo(new CaseReason.OutOfContactSevenDays("EP-9", "OUT_OF_CONTACT", start,
                start.plusSeconds(168 * 3600), 168 * 3600, new CaseReason.Direct(Queue.REVIEWS, Severity.CRITICAL, false),
                "route.out-of-contact-7-days", "2022.04-v1"));
    }

    private static BreachCase raise(Notifications n, List<QualifyingBreach> history, SubjectFacts subject) {
        return CaseRaiser.forNotification(n.received(), POLICY, history, subject).orElseThrow().breachCase();
    }
}
