package uk.gov.em.hub.pages.cases;

import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.hub.pages.common.Ages;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the server-drawn SVG timeline of an accumulated battery violation: the 7 days before the
 * trigger as an axis, a tick a day, and a bar for each out-of-contact period that counted; the same
 * periods as table rows, in words, for everyone who does not read the picture.
 */
public record BatteryWindowChart(int width, int height, List<Bar> bars, List<Tick> ticks, List<Row> rows,
                                 String summary) {

    public static final Duration WINDOW = Duration.ofDays(7);
    private static final int WIDTH = 720;
    private static final int LEFT = 30;
    private static final int PLOT = WIDTH - 2 * LEFT;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK).withZone(Ages.UK);

    /** One counted period: where it is drawn and what it says to a screen reader or on hover. */
    public record Bar(double x, double width, String label) {
    }

    /** A counted period in words: when it began and ended, and how much of it counted. */
    public record Row(String episodeId, String from, String to, String counted) {
    }

    /** A day mark on the axis. */
    public record Tick(double x, String label) {
    }

    /** The chart of {@code periods} in the 7 days ending at {@code end} (the trigger's event time). */
    public static BatteryWindowChart of(List<CaseEvidence.Period> periods, Instant end) {
        Instant start = end.minus(WINDOW);
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (CaseEvidence.Period p : periods) {
            Instant from = p.from().isBefore(start) ? start : p.from();
            Instant to = p.to().isAfter(end) ? end : p.to();
            if (!to.isAfter(from)) {
                continue;
            }
            double x = x(from, start);
            bars.add(new Bar(x, Math.max(2, x(to, start) - x), Ages.when(p.from()) + " to " + Ages.when(p.to())
                    + ", " + Ages.duration(p.seconds()) + " counted"));
            rows.add(new Row(p.episodeId(), Ages.when(p.from()), Ages.when(p.to()), Ages.duration(p.seconds())));
            total += p.seconds();
        }
        List<Tick> ticks = new ArrayList<>();
        for (int day = 0; day <= 7; day++) {
            Instant at = start.plus(Duration.ofDays(day));
            ticks.add(new Tick(x(at, start), DAY.format(at)));
        }
        String summary = bars.size() + " period" + (bars.size() == 1 ? "" : "s") + " out of contact, "
                + Ages.duration(total) + " in the 7 days from " + Ages.when(start) + " to " + Ages.when(end);
        return new BatteryWindowChart(WIDTH, 90, bars, ticks, rows, summary);
    }

    private static double x(Instant at, Instant start) {
        double fraction = (double) Duration.between(start, at).toSeconds() / WINDOW.toSeconds();
        return Math.round((LEFT + fraction * PLOT) * 10) / 10.0;
    }
}
