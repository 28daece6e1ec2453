package uk.gov.em.streams.cases.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.Notifications;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.Policy;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRaiserTest {

    private static final Policy POLICY = PolicyLoader.loadDefault();

    @Test
    void aStrapTamperRaisesAHighSeverityProsecutionsCaseThatExplainsItself() {
        BreachCase raised = CaseRaiser.raise(Notifications.a(BreachType.STRAP_TAMPER).received(), POLICY).orElseThrow();

        assertThat(raised).isEqualTo(new BreachCase("C-dde17a9318f9e9105025971d", "S-100045", Queue.PROSECUTIONS,
                Severity.HIGH, "STRAP_TAMPER", "2022.04-v1", "route.strap-tamper",
                new CaseEvidence(List.of("EMS-000123"), List.of(), 0, List.of()),
                Notifications.OCCURRED, Notifications.RECEIVED, null,
                "STRAP_TAMPER on 2022-02-03 is a high-severity breach that goes straight to prosecutions "
                        + "(policy 2022.04-v1, rule route.strap-tamper)."));
    }

    @Test
    void aFullCurfewMissGoesToWarningsAsHighSeverityAndSaysHistoryIsNotYetCounted() {
        BreachCase raised = CaseRaiser.raise(Notifications.a(BreachType.CURFEW_MISSED_FULL).received(), POLICY).orElseThrow();

        assertThat(raised.queue()).isEqualTo(Queue.WARNINGS);
        assertThat(raised.severity()).isEqualTo(Severity.HIGH);
        assertThat(raised.ruleId()).isEqualTo("ladder.first-step-without-history");
        assertThat(raised.explanation()).isEqualTo("CURFEW_MISSED_FULL on 2022-02-03 is a high-severity qualifying "
                + "breach for the escalation ladder; it goes to warnings, the ladder's first step, as earlier breaches "
                + "are not yet counted (policy 2022.04-v1, rules route.curfew-missed-full, ladder.first-step-without-history).");
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"BATTERY_DEPLETED", "OUT_OF_CONTACT", "INABILITY_TO_MONITOR", "DEVICE_FAULT"})
    void episodesAndSupplierFailingsRaiseNoCase(BreachType type) {
        assertThat(CaseRaiser.raise(Notifications.a(type).received(), POLICY)).isEmpty();
    }

    @Test
    void theCaseIsOpenedAtTheBreachAndRaisedAtItsArrivalNotAtTheWallClock() {
        var late = Notifications.a(BreachType.LOCATION_BREACH)
                .occurredAt(java.time.Instant.parse("2021-12-31T23:59:59Z"))
                .receivedAt(java.time.Instant.parse("2022-01-04T08:00:00Z"));

        BreachCase raised = CaseRaiser.raise(late.received(), POLICY).orElseThrow();

        assertThat(raised.openedAt()).isEqualTo("2021-12-31T23:59:59Z");
        assertThat(raised.raisedAt()).isEqualTo("2022-01-04T08:00:00Z");
        assertThat(raised.explanation()).startsWith("LOCATION_BREACH on 2021-12-31 is a high-severity");
    }
}
