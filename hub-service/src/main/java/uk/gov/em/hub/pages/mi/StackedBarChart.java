package uk.gov.em.hub.pages.mi;

import uk.gov.em.hub.pages.common.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of a server-drawn SVG stacked bar chart of a {@link BreachTable}: a bar per month, a segment
 * per type, scaled to the largest month. The table beside it carries the same numbers for everyone.
 */
public record StackedBarChart(int width, int height, int baseline, List<Bar> bars, List<Legend> legend,
                              List<GridLine> grid) {

    /** GOV.UK palette colours, one per type row, distinguishable and with text-safe contrast. */
    static final List<String> COLOURS = List.of("#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#505a5f");
    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int TOP = 10;
    private static final int BOTTOM = 40;

    /** A month's bar: its label, total and stacked segments. */
    public record Bar(double labelX, String month, long total, List<Segment> segments) {
    }

    /** One type's part of a bar. */
    public record Segment(double x, double y, double width, double height, String fill, String title) {
    }

    /** A legend entry. */
    public record Legend(String type, String fill) {
    }

    /** A horizontal grid line with its value. */
    public record GridLine(double y, long value) {
    }

    public static StackedBarChart of(BreachTable table) {
        List<BreachTable.Row> typeRows = table.rows().stream().filter(r -> !r.type().equals(BreachTable.TOTAL)).toList();
        int months = table.months().size();
        long max = 1;
        for (int m = 0; m < months; m++) {
            long total = 0;
            for (BreachTable.Row r : typeRows) {
                total += r.counts().get(m);
            }
            max = Math.max(max, total);
        }
        long scaleTop = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) (WIDTH - LEFT - 10) / Math.max(1, months);
        double barWidth = Math.min(80, slot * 0.6);
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            double x = LEFT + slot * m + (slot - barWidth) / 2;
            double y = HEIGHT - BOTTOM;
            long total = 0;
            List<Segment> segments = new ArrayList<>();
            for (int t = 0; t < typeRows.size(); t++) {
                long n = typeRows.get(t).counts().get(m);
                total += n;
                double h = (double) n * plotHeight / scaleTop;
                y -= h;
                if (n > 0) {
                    segments.add(new Segment(round(x), round(y), round(barWidth), round(h), COLOURS.get(t % COLOURS.size()),
                            Labels.WORDS.breachType(typeRows.get(t).type()) + " " + table.months().get(m)
                                    + ": " + n));
                }
            }
            bars.add(new Bar(round(x + barWidth / 2), table.months().get(m), total, segments));
        }
        List<Legend> legend = new ArrayList<>();
        for (int t = 0; t < typeRows.size(); t++) {
            legend.add(new Legend(typeRows.get(t).type(), COLOURS.get(t % COLOURS.size())));
        }
        List<GridLine> grid = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = scaleTop * i / 4;
            grid.add(new GridLine(round(HEIGHT - BOTTOM - (double) value * plotHeight / scaleTop), value));
        }
        return new StackedBarChart(WIDTH, HEIGHT, HEIGHT - BOTTOM, bars, legend, grid);
    }

    static long niceCeiling(long max) {
        long step = (long) Math.pow(10, Math.floor(Math.log10(Math.max(1, max))));
        for (long f : new long[] {1, 2, 5, 10}) {
            if (f * step >= max) {
                return f * step;
            }
        }
        return 10 * step;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
