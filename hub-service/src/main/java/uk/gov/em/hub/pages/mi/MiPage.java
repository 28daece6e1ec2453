package uk.gov.em.hub.pages.mi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.dataquality.app.DataQualityQueries;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.mi.app.MiQueries;
import uk.gov.em.hub.notifications.domain.SupplierSilence;
import uk.gov.em.hub.notifications.metrics.SupplierFeeds;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.pages.dataquality.DataQualityPage;
import uk.gov.em.hub.security.domain.Roles;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Management information for managers and ops, from the same application service as {@code /api/v1/mi}: breaches by
 * type by month (chart and published-shape table), backlog by queue, outcomes and supplier timeliness;
 * and a live throughput view from the hub's own metrics.
 */
@Controller("/mi")
@Secured({Roles.OPS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class MiPage {

    private final MiQueries mi;
    private final MeterRegistry meters;
    private final CsrfTokens csrf;
    private final Clock clock;
    private final SupplierFeeds feeds;
    private final DataQualityQueries dataQuality;

    public MiPage(MiQueries mi, MeterRegistry meters, CsrfTokens csrf, Clock clock, SupplierFeeds feeds,
                  DataQualityQueries dataQuality) {
        this.mi = mi;
        this.dataQuality = dataQuality;
        this.meters = meters;
        this.csrf = csrf;
        this.clock = clock;
        this.feeds = feeds;
    }

    /** A backlog row as shown. */
    public record BacklogRow(String queue, long open, long unallocated, String oldestUnallocated) {
    }

    /** An outcomes row as shown, the reason or result in words. */
    public record OutcomeRow(String month, String queue, String outcome, String reason, long count) {
    }

    /** A safeguarding row as shown. */
    public record SafeguardingRow(String month, String recorded, long count) {
    }

    /** A queue's overdue cases as shown. */
    public record OverdueRow(String queue, long overdue, String oldest) {
    }

    /** Data-quality exceptions of one month, supplier and kind, as shown. */
    public record DataQualityRow(String month, String supplier, String kind, long count) {
    }

    /** A figure on the throughput page. */
    public record Figure(String label, String value) {
    }

    /** A supplier feed as shown: when it last sent, how long it has been silent, and its limit. */
    public record FeedRow(String supplier, String lastReceived, String silentFor, String maximum, boolean tooLong) {

        static FeedRow of(SupplierSilence feed, Instant now) {
            return new FeedRow(feed.supplier(), feed.lastReceived().map(Ages::when).orElse("never"),
                    feed.lastReceived().map(last -> Ages.age(last, now)).orElse("never sent"),
                    Ages.seconds(feed.maximum().toSeconds()),
                    feed.status(now) == SupplierSilence.Status.SILENT_TOO_LONG);
        }
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @QueryValue @Nullable String from,
                                @QueryValue @Nullable String to, @QueryValue @Nullable String fromMonth,
                                @QueryValue @Nullable String fromYear, @QueryValue @Nullable String toMonth,
                                @QueryValue @Nullable String toYear, Authentication who) {
        // the form asks in month and year boxes (the GOV.UK date input); links and the API say 2021-09
        from = monthFromBoxes(fromMonth, fromYear).orElse(from);
        to = monthFromBoxes(toMonth, toYear).orElse(to);
        YearMonth thisMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String toWord = to == null || to.isBlank() ? thisMonth.toString() : to;
        String fromWord = from == null || from.isBlank() ? YearMonth.parse(toWord).minusMonths(5).toString() : from;
        MonthRange range = MonthRange.parse(fromWord, toWord);
        BreachTable table = BreachTable.of(range.from(), range.to(),
                mi.breachesByType(range, MiQueries.Grouping.PUBLISHED, null));
        List<BacklogRow> backlog = mi.backlog().queues().stream()
                .map(q -> new BacklogRow(Labels.WORDS.queue(q.queue()), q.open(), q.unallocated(),
                        Ages.seconds(q.oldestUnallocatedAgeSeconds())))
                .toList();
        MiQueries.Sla sla = mi.sla(range);
        return HttpResponse.ok(PageModel.of("mi", "Management information", request, who, csrf)
                .with("from", fromWord).with("to", toWord).with("table", table)
                .with("fromBox", YearMonth.parse(fromWord)).with("toBox", YearMonth.parse(toWord))
                .with("months", MONTH.format(range.from()) + " to " + MONTH.format(range.to()))
                .with("chart", StackedBarChart.of(table)).with("backlog", backlog)
                .with("outcomes", mi.outcomes(range).stream()
                        .map(o -> new OutcomeRow(o.month(), Labels.WORDS.queuePath(o.queue()),
                                Labels.WORDS.status(o.outcome()),
                                o.reason() == null ? "Not given" : Labels.WORDS.outcomeOrReason(o.reason()), o.count()))
                        .toList())
                .with("timeliness", mi.supplierTimeliness(range))
                .with("sla", sla)
                .with("overdue", sla.queues().stream().map(q -> new OverdueRow(Labels.WORDS.queue(q.queue()), q.overdue(),
                        q.overdue() == 0 ? "–" : Ages.seconds(q.oldestOverdueSeconds()))).toList())
                .with("prosecutions", mi.prosecutions(range))
                .with("dataQuality", dataQuality.countsByMonth(range).stream()
                        .map(r -> new DataQualityRow(r.month(), r.supplier() == null ? "Not known" : r.supplier(),
                                DataQualityPage.kind(DataQualityKind.valueOf(r.kind())), r.count())).toList())
                .with("safeguarding", mi.safeguarding(range).stream()
                        .map(r -> new SafeguardingRow(r.month(), r.outcome() == null ? "Referral made"
                                : "Outcome: " + Labels.WORDS.outcomeOrReason(r.outcome()), r.count())).toList())
                .view());
    }

    @Get("/throughput")
    public HttpResponse<?> throughput(HttpRequest<?> request, Authentication who) {
        Timer lag = meters.find("em.hub.case.ingest.lag").timer();
        List<Figure> figures = List.of(
                new Figure("Notifications stored", count("em.hub.notifications", Map.of("outcome", "stored"))),
                new Figure("Notifications read (all outcomes)", count("em.hub.notifications", Map.of())),
                new Figure("Cases raised", count("em.hub.case.events", Map.of("outcome", "raised"))),
                new Figure("Case events read (all outcomes)", count("em.hub.case.events", Map.of())),
                new Figure("Case ingest lag, mean", lag == null ? "no cases yet"
                        : seconds(lag.mean(TimeUnit.MILLISECONDS) / 1000)),
                new Figure("Case ingest lag, max (recent)", lag == null ? "no cases yet"
                        : seconds(lag.max(TimeUnit.MILLISECONDS) / 1000)));
        List<BacklogRow> backlog = mi.backlog().queues().stream()
                .map(q -> new BacklogRow(Labels.WORDS.queue(q.queue()), q.open(), q.unallocated(),
                        Ages.seconds(q.oldestUnallocatedAgeSeconds())))
                .toList();
        Instant now = clock.instant();
        List<FeedRow> supplierFeeds = feeds.current().stream().map(f -> FeedRow.of(f, now)).toList();
        return HttpResponse.ok(PageModel.of("throughput", "Live throughput", request, who, csrf)
                .with("figures", figures).with("backlog", backlog).with("feeds", supplierFeeds)
                .with("at", Ages.when(now))
                .with("refreshSeconds", 10).view());
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** The month the two boxes name, when both are filled in with numbers that make one. */
    private static Optional<String> monthFromBoxes(String month, String year) {
        if (month == null || year == null || month.isBlank() || year.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()))
                    .toString());
        } catch (NumberFormatException | DateTimeException notAMonth) {
            // passed on as typed, so the range check refuses it as it refuses any bad month
            return Optional.of(year.strip() + "-" + month.strip());
        }
    }

    private static String seconds(double seconds) {
        return seconds < 120 ? String.format("%.2f seconds", seconds) : Ages.seconds((long) seconds);
    }

    private String count(String name, Map<String, String> tags) {
        var search = meters.find(name);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            search = search.tag(t.getKey(), t.getValue());
        }
        double total = search.counters().stream().mapToDouble(c -> c.count()).sum();
        return String.format("%,d", (long) total);
    }
}
