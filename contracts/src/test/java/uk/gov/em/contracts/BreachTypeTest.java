package uk.gov.em.contracts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BreachTypeTest {

    @Test
    void theCatalogueHoldsExactlyTheTwentyCodesOfTheSupplierApi() {
        assertThat(Arrays.stream(BreachType.values()).map(BreachType::code)).containsExactlyInAnyOrder(
                "BATTERY_DEPLETED", "OUT_OF_CONTACT", "ABSENCE_15_MIN", "CURFEW_MISSED_FULL",
                "CURFEW_MISSED_PARTIAL", "STRAP_TAMPER", "INTERFERENCE_PID", "HMU_INTERFERENCE", "AC_POWER_LOSS",
                "MONITOR_MOVEMENT", "MOVED_WITHOUT_VARIATION", "LOCATION_BREACH", "NOT_AVAILABLE_FOR_INSTALLATION",
                "UNSUCCESSFUL_INDUCTION_VISIT", "FAILED_ENROLMENT", "ABUSIVE_BEHAVIOUR", "NEGATIVE_RAM",
                "MISSED_BIOMETRIC_CHECK", "INABILITY_TO_MONITOR", "DEVICE_FAULT");
    }

    @Test
    void onlyBatteryAndOutOfContactAreEpisodes() {
        Set<BreachType> episodes = Arrays.stream(BreachType.values()).filter(BreachType::isEpisode)
                .collect(Collectors.toSet());
        assertThat(episodes).containsExactlyInAnyOrder(BreachType.BATTERY_DEPLETED, BreachType.OUT_OF_CONTACT);
    }

    @Test
    void theMiTableNamesFiveTypesAndCountsEveryOtherAsOther() {
        List<String> named = List.of("BATTERY_DEPLETED", "ABSENCE_15_MIN", "CURFEW_MISSED_FULL",
                "INTERFERENCE_PID", "NOT_AVAILABLE_FOR_INSTALLATION");
        for (BreachType type : BreachType.values()) {
            String expected = named.contains(type.code()) ? type.code() : "OTHER";
            assertThat(type.miCategory()).as(type.code()).isEqualTo(expected);
        }
    }

    @Test
    void codesAreLookedUpExactly() {
        assertThat(BreachType.fromCode("STRAP_TAMPER")).contains(BreachType.STRAP_TAMPER);
        assertThat(BreachType.fromCode("strap_tamper")).isEmpty();
        assertThat(BreachType.fromCode("OTHER")).isEmpty();
        assertThat(BreachType.fromCode(null)).isEmpty();
    }
}
