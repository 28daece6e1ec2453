package uk.gov.em.hub.pages.mi;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.hub.mi.app.MiQueries;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaches by type by month in the shape of the published inspection table: a row per named type, OTHER
 * and TOTAL; a column per month and a total. Built from the rows the MI API returns with
 * {@code grouping=published}.
 */
public record BreachTable(List<String> months, List<Row> rows) {

    /** The published table's rows, in its order. */
    public static final List<String> TYPES = List.of(BreachType.BATTERY_DEPLETED.name(),
            BreachType.ABSENCE_15_MIN.name(), BreachType.CURFEW_MISSED_FULL.name(), BreachType.INTERFERENCE_PID.name(),
            BreachType.NOT_AVAILABLE_FOR_INSTALLATION.name(), BreachType.MI_OTHER);
    public static final String TOTAL = "TOTAL";

    /** One row: its type, a count per month (in {@link #months()} order) and the row's total. */
    public record Row(String type, List<Long> counts, long total) {
    }

    public static BreachTable of(YearMonth from, YearMonth to, List<MiQueries.TypeCount> published) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, Long> cells = new HashMap<>();
        published.forEach(c -> cells.merge(c.type() + " " + c.month(), c.count(), Long::sum));
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[months.size()];
        for (String type : TYPES) {
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                long n = cells.getOrDefault(type + " " + months.get(i), 0L);
                counts.add(n);
                totals[i] += n;
            }
            rows.add(new Row(type, counts, counts.stream().mapToLong(Long::longValue).sum()));
        }
        List<Long> totalRow = new ArrayList<>();
        for (long t : totals) {
            totalRow.add(t);
        }
        rows.add(new Row(TOTAL, totalRow, totalRow.stream().mapToLong(Long::longValue).sum()));
        return new BreachTable(months, rows);
    }
}
