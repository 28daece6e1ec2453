package uk.gov.em.streams.cases.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CaseIdsTest {

    @Test
    void theSameTriggerOccurrenceAlwaysGetsTheSameId() {
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123", "S-100045"))
                .isEqualTo(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123", "S-100045"))
                // printf 'STRAP_TAMPER|ems/EMS-000123|S-100045' | sha256sum, computed outside the code under test
                .isEqualTo("C-d54cdad76059a26f265af334");
    }

    @Test
    void idsDifferBySupplierNotificationTriggerAndPerson() {
        String id = CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123", "S-100045");

        assertThat(CaseIds.forNotification("STRAP_TAMPER", "other", "EMS-000123", "S-100045")).isNotEqualTo(id);
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000124", "S-100045")).isNotEqualTo(id);
        assertThat(CaseIds.forNotification("LOCATION_BREACH", "ems", "EMS-000123", "S-100045")).isNotEqualTo(id);
        // two copies of one notification naming different people are two cases (one may be withdrawn alone)
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123", "S-200")).isNotEqualTo(id);
    }

    @Test
    void anIdIsCPlusTwentyFourLowerCaseHexCharacters() {
        assertThat(CaseIds.forNotification("STRAP_TAMPER", "ems", "EMS-000123", "S-100045")).matches("C-[0-9a-f]{24}");
    }

    @Test
    void anAbvIsIdentifiedByItsPersonAndInstant() {
        // printf 'ACCUMULATED_BATTERY_VIOLATION|S-1|2022-02-03T09:00:00Z' | sha256sum
        assertThat(CaseIds.forAbv("S-1", Instant.parse("2022-02-03T09:00:00Z")))
                .isEqualTo("C-ac30e4c5c807c25a3cc5084f");
        assertThat(CaseIds.forAbv("S-1", Instant.parse("2022-02-03T09:00:01Z")))
                .isNotEqualTo(CaseIds.forAbv("S-1", Instant.parse("2022-02-03T09:00:00Z")));
    }

    @Test
    void aSevenDayCaseIsIdentifiedByItsPersonEpisodeAndTheInstantItReachedSevenDays() {
        // printf 'OUT_OF_CONTACT_7_DAYS|S-1|OUT_OF_CONTACT/EP-9|2022-02-08T10:00:00Z' | sha256sum
        Instant reached = Instant.parse("2022-02-08T10:00:00Z");
        assertThat(CaseIds.forSevenDays("S-1", BreachType.OUT_OF_CONTACT, "EP-9", reached))
                .isEqualTo("C-00709c6f810dc70fdce64a9a");
        assertThat(CaseIds.forSevenDays("S-1", BreachType.OUT_OF_CONTACT, "EP-9", reached.plusSeconds(1)))
                .isNotEqualTo(CaseIds.forSevenDays("S-1", BreachType.OUT_OF_CONTACT, "EP-9", reached));
    }
}
