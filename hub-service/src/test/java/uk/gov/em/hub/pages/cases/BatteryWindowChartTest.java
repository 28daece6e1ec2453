package uk.gov.em.hub.pages.cases;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.CaseEvidence;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatteryWindowChartTest {

    private static final Instant END = Instant.parse("2022-02-08T00:00:00Z");

    @Test
    void drawsEachCountedPeriodWhereItFallsInTheSevenDaysBeforeTheTrigger() {
        BatteryWindowChart chart = BatteryWindowChart.of(List.of(
                new CaseEvidence.Period("ep-1", Instant.parse("2022-02-01T00:00:00Z"), Instant.parse("2022-02-01T12:00:00Z"), 43_200),
                new CaseEvidence.Period("ep-2", Instant.parse("2022-02-07T12:00:00Z"), END, 43_200)), END);

        assertThat(chart.ticks()).hasSize(8);
        assertThat(chart.ticks().getFirst().x()).isEqualTo(30.0);
        assertThat(chart.ticks().getLast().x()).isEqualTo(690.0);
        assertThat(chart.bars()).hasSize(2);
        assertThat(chart.bars().getFirst().x()).isEqualTo(30.0);
        assertThat(chart.bars().getFirst().width()).isCloseTo(660.0 / 14, org.assertj.core.data.Offset.offset(0.2));
        assertThat(chart.bars().getLast().x() + chart.bars().getLast().width()).isCloseTo(690.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(chart.summary()).isEqualTo("2 periods out of contact, 24 hours in the 7 days from 1 February 2022 at 00:00 to 8 February 2022 at 00:00");
    }

    @Test
    void clipsAPeriodThatStartedBeforeTheWindowToItsStart() {
        BatteryWindowChart chart = BatteryWindowChart.of(List.of(new CaseEvidence.Period("ep-1",
                Instant.parse("2022-01-30T00:00:00Z"), Instant.parse("2022-02-01T06:00:00Z"), 21_600)), END);

        assertThat(chart.bars().getFirst().x()).isEqualTo(30.0);
        assertThat(chart.bars().getFirst().label()).isEqualTo("30 January 2022 at 00:00 to 1 February 2022 at 06:00, 6 hours counted");
    }
}
