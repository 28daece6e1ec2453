package uk.gov.em.hub.pages.mi;

import org.junit.jupiter.api.Test;
import uk.gov.em.hub.mi.app.MiQueries.TypeCount;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreachTableTest {

    private final BreachTable table = BreachTable.of(YearMonth.parse("2021-09"), YearMonth.parse("2021-11"), List.of(
            new TypeCount("2021-09", "BATTERY_DEPLETED", 314), new TypeCount("2021-11", "BATTERY_DEPLETED", 670),
            new TypeCount("2021-10", "OTHER", 23)));

    @Test
    void hasThePublishedRowsInOrderWithAColumnPerMonthAndZeroesWhereNothingHappened() {
        assertThat(table.months()).containsExactly("2021-09", "2021-10", "2021-11");
        assertThat(table.rows()).extracting(BreachTable.Row::type).containsExactly("BATTERY_DEPLETED", "ABSENCE_15_MIN",
                "CURFEW_MISSED_FULL", "INTERFERENCE_PID", "NOT_AVAILABLE_FOR_INSTALLATION", "OTHER", "TOTAL");
        assertThat(table.rows().getFirst().counts()).containsExactly(314L, 0L, 670L);
        assertThat(table.rows().getFirst().total()).isEqualTo(984);
    }

    @Test
    void theTotalRowAddsUpEachMonthAndTheWholeTable() {
        BreachTable.Row total = table.rows().getLast();
        assertThat(total.counts()).containsExactly(314L, 23L, 670L);
        assertThat(total.total()).isEqualTo(1007);
    }

    @Test
    void theChartStacksEveryTypeOfAMonthIntoOneBarScaledToTheLargestMonth() {
        StackedBarChart chart = StackedBarChart.of(table);

        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(2).total()).isEqualTo(670);
        assertThat(chart.grid().getLast().value()).isEqualTo(1000);
        StackedBarChart.Segment tallest = chart.bars().get(2).segments().getFirst();
        assertThat(tallest.y() + tallest.height()).isEqualTo(chart.baseline());
        assertThat(tallest.height()).isCloseTo(270 * 0.67, org.assertj.core.data.Offset.offset(0.2));
        assertThat(chart.bars().get(1).segments()).singleElement()
                .satisfies(s -> assertThat(s.fill()).isEqualTo(StackedBarChart.COLOURS.get(5)));
    }
}
