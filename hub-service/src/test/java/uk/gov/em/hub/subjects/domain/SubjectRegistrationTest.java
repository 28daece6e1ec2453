package uk.gov.em.hub.subjects.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.DeviceType;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectRegistrationTest {

    private static final Instant NOW = Instant.parse("2022-02-03T10:00:00Z");

    @Test
    void theContractsWordsMakeASubject() {
        Subject s = SubjectRegistration.parse("s-1", "MEDIUM", true, "FITTED_RF", "2022-01-10", NOW);

        assertThat(s).isEqualTo(new Subject("s-1", HarmLevel.MEDIUM, true, DeviceType.FITTED_RF,
                LocalDate.parse("2022-01-10"), NOW));
    }

    @Test
    void harmLevelDeviceTypeAndStartDateMayBeUnknown() {
        assertThat(SubjectRegistration.parse("s-1", null, false, null, null, NOW))
                .isEqualTo(new Subject("s-1", null, false, null, null, NOW));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> SubjectRegistration.parse("a b", "high", null, "GPS", "2022-13-01", NOW))
                .isInstanceOf(InvalidSubject.class)
                .hasMessageContaining("subjectId")
                .hasMessageContaining("harmLevel must be one of")
                .hasMessageContaining("deviceType must be one of")
                .hasMessageContaining("vulnerable is required")
                .hasMessageContaining("emStartDate must be a date");
    }
}
