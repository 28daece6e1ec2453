package uk.gov.em.hub.mi.domain;

import org.junit.jupiter.api.Test;
import uk.gov.em.hub.common.domain.InvalidParameter;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonthRangeTest {

    @Test
    void bothMonthsAreIncludedAsUtcInstants() {
        MonthRange range = MonthRange.parse("2021-09", "2022-02");

        assertThat(range.start()).isEqualTo(Instant.parse("2021-09-01T00:00:00Z"));
        assertThat(range.endExclusive()).isEqualTo(Instant.parse("2022-03-01T00:00:00Z"));
    }

    @Test
    void fromAfterToOrAMalformedOrMissingMonthIsRefused() {
        assertThatThrownBy(() -> MonthRange.parse("2022-02", "2021-09")).isInstanceOf(InvalidParameter.class);
        assertThatThrownBy(() -> MonthRange.parse("2021-9", "2022-02")).isInstanceOf(InvalidParameter.class);
        assertThatThrownBy(() -> MonthRange.parse(null, "2022-02")).hasMessageContaining("from is required");
    }

    @Test
    void aReportCoversAtMostTenYears() {
        assertThat(MonthRange.parse("2012-01", "2021-12").from().toString()).isEqualTo("2012-01");
        assertThatThrownBy(() -> MonthRange.parse("2012-01", "2022-01")).isInstanceOf(InvalidParameter.class);
    }
}
