package uk.gov.em.streams.routing.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.streams.policy.PolicyLoader;
import uk.gov.em.streams.policy.domain.Policy;

import static org.assertj.core.api.Assertions.assertThat;

class RouteRuleTest {

    private static final Policy POLICY = PolicyLoader.loadDefault();

    @Test
    void aStrapTamperGoesStraightToProsecutionsAsHighSeverity() {
        assertThat(RouteRule.classify(BreachType.STRAP_TAMPER, POLICY)).isEqualTo(new RouteDecision.Direct(
                Queue.PROSECUTIONS, Severity.HIGH, "route.strap-tamper",
                "is a high-severity breach that goes straight to prosecutions"));
    }

    @Test
    void aFullCurfewMissIsAHighSeverityQualifyingBreachForTheLadder() {
        assertThat(RouteRule.classify(BreachType.CURFEW_MISSED_FULL, POLICY)).isEqualTo(new RouteDecision.Ladder(
                Severity.HIGH, "route.curfew-missed-full",
                "is a high-severity qualifying breach for the escalation ladder"));
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"ABSENCE_15_MIN", "CURFEW_MISSED_PARTIAL", "AC_POWER_LOSS",
            "MONITOR_MOVEMENT", "UNSUCCESSFUL_INDUCTION_VISIT", "NEGATIVE_RAM"})
    void lowSeverityBreachesGoOnTheLadder(BreachType type) {
        assertThat(RouteRule.classify(type, POLICY))
                .isInstanceOfSatisfying(RouteDecision.Ladder.class, l -> assertThat(l.severity()).isEqualTo(Severity.LOW));
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"BATTERY_DEPLETED", "OUT_OF_CONTACT"})
    void episodeTypesOpenNoCaseByThemselves(BreachType type) {
        assertThat(RouteRule.classify(type, POLICY)).isInstanceOfSatisfying(RouteDecision.NoCase.class,
                no -> assertThat(no.reason()).contains("battery and out-of-contact rules"));
    }

    @ParameterizedTest
    @EnumSource(value = BreachType.class, names = {"INABILITY_TO_MONITOR", "DEVICE_FAULT"})
    void supplierFailingsOpenNoCaseAndGoToTheSupplierLog(BreachType type) {
        assertThat(RouteRule.classify(type, POLICY)).isInstanceOfSatisfying(RouteDecision.NoCase.class,
                no -> assertThat(no.reason()).contains("supplier performance log"));
    }
}
