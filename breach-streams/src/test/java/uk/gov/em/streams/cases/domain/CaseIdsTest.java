package uk.gov.em.streams.cases.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseIdsTest {

    @Test
    void theSameTriggerOccurrenceAlwaysGetsTheSameId() {
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123"))
                .isEqualTo(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123"))
                // printf 'STRAP_TAMPER|ems/EMS-000123' | sha256sum, computed outside the code under test
                .isEqualTo("C-dde17a9318f9e9105025971d");
    }

    @Test
    void idsDifferBySupplierNotificationAndTrigger() {
        String id = CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123");

        assertThat(CaseIds.forNotification("STRAP_TAMPER", "other", "EMS-000123")).isNotEqualTo(id);
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000124")).isNotEqualTo(id);
        assertThat(CaseIds.forNotification("LOCATION_BREACH", "ems", "EMS-000123")).isNotEqualTo(id);
    }

    @Test
    void anIdIsCPlusTwentyFourLowerCaseHexCharacters() {
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123")).matches("C-[0-9a-f]{24}");
    }

    @Test
    void anAbvIsIdentifiedByItsPersonAndInstant() {
        // printf 'ACCUMULATED_BATTERY_VIOLATION|S-1|2022-02-03T09:00:00Z' | sha256sum
        assertThat(CaseIds.forAbv("S-1", java.time.Instant.parse("2022-02-03T09:00:00Z")))
                .isEqualTo("C-ac30e4c5c807c25a3cc5084f");
        assertThat(CaseIds.forAbv("S-1", java.time.Instant.parse("2022-02-03T09:00:01Z")))
                .isNotEqualTo(CaseIds.forAbv("S-1", java.time.Instant.parse("2022-02-03T09:00:00Z")));
    }
}
