package uk.gov.em.hub.mi.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository.QueueDepth;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.mi.persistence.MiRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Management information (docs/api/hub-api.md "MI") for the API and the pages alike: breaches by type
 * (by catalogue code, or folded into the rows of the published inspection table), backlog, outcomes,
 * the SLA table, prosecutions, safeguarding referrals and supplier timeliness. The row records are what the
 * API answers with and what {@code MiRepository}'s {@code @Query} methods read their columns into.
 */
@Singleton
public class MiQueries {

    private final MiRepository mi;
    private final CaseRepository cases;
    private final LegalClock legalClock;
    private final Clock clock;

    public MiQueries(MiRepository mi, CaseRepository cases, LegalClock legalClock, Clock clock) {
        this.mi = mi;
        this.cases = cases;
        this.legalClock = legalClock;
        this.clock = clock;
    }

    /** How breach types are grouped: by catalogue code, or as the published table's rows. */
    public enum Grouping {
        CATALOGUE,
        PUBLISHED
    }

    /** Stored (so accepted and de-duplicated) notifications by UTC month of occurredAt and catalogue code. */
    @Introspected
    public record TypeCount(String month, String type, long count) {
    }

    /**
     * Closed and withdrawn cases by UTC month of their end, queue and outcome (the closing action, or
     * WITHDRAWN), and the reason or outcome word given with it ({@code null} when none was).
     */
    @Introspected
    public record OutcomeCount(String month, String queue, String outcome, long count, @Nullable String reason) {
    }

    /**
     * One queue's first actions against their time target, by UTC month of the target: met (taken by
     * it), missed (taken after it, or not taken and the target passed by now), the share met, and how many
     * of the month's cases are open and overdue now.
     */
    public record SlaRow(String month, String queue, long met, long missed, Double percentMet, long overdueNow) {
    }

    /** Prosecutions by UTC month: referrals made, decisions recorded, cases lost to the legal clock. */
    @Introspected
    public record ProsecutionRow(String month, long referred, long decided, long lostToClock) {
    }

    /** Safeguarding referrals by UTC month, and the outcomes recorded that month by outcome word. */
    @Introspected
    public record SafeguardingRow(String month, String action, @Nullable String outcome, long count) {
    }

    /** How late one supplier reports: receivedAt − occurredAt in seconds, as percentiles. */
    @Introspected
    public record Timeliness(String supplier, long notifications, double p50Seconds, double p90Seconds,
                             double p95Seconds, double p99Seconds, double maxSeconds) {
    }

    /** One queue's backlog. */
    public record QueueBacklog(Queue queue, long open, long unallocated, long oldestUnallocatedAgeSeconds) {
    }

    /** Every queue's backlog. */
    public record Backlog(List<QueueBacklog> queues) {
    }

    /**
     * The SLA table: per queue and month of the first action's target, met and missed targets and the
     * share met; and per queue, the cases overdue now and the oldest overdue.
     */
    public record Sla(List<SlaRow> rows, List<QueueOverdue> queues) {
    }

    /** One queue's cases overdue now, and since when the most overdue one has been due. */
    public record QueueOverdue(Queue queue, long overdue, Instant oldestOverdueDueAt, long oldestOverdueSeconds) {
    }

    /** Breaches by month and type, narrowed to one supplier when {@code supplier} is not null. */
    public List<TypeCount> breachesByType(MonthRange range, Grouping grouping, String supplier) {
        List<TypeCount> rows = mi.breachesByType(range, supplier);
        if (grouping == Grouping.CATALOGUE) {
            return rows;
        }
        Map<String, Long> folded = new TreeMap<>();
        for (TypeCount row : rows) {
            String category = BreachType.fromCode(row.type()).map(BreachType::miCategory).orElse(BreachType.MI_OTHER);
            folded.merge(row.month() + " " + category, row.count(), Long::sum);
        }
        return folded.entrySet().stream().map(e -> {
            String[] key = e.getKey().split(" ");
            return new TypeCount(key[0], key[1], e.getValue());
        }).toList();
    }

    public List<OutcomeCount> outcomes(MonthRange range) {
        return mi.outcomes(range);
    }

    public Sla sla(MonthRange range) {
        Instant now = clock.instant();
        Map<Queue, QueueDepth> depths = cases.openDepths(now);
        return new Sla(mi.sla(range, now), Arrays.stream(Queue.values()).map(q -> {
            QueueDepth d = depths.getOrDefault(q, QueueDepth.EMPTY);
            return new QueueOverdue(q, d.overdue(), d.oldestOverdueDueAt(), d.oldestOverdueDueAt() == null ? 0
                    : Math.max(0, Duration.between(d.oldestOverdueDueAt(), now).toSeconds()));
        }).toList());
    }

    public List<ProsecutionRow> prosecutions(MonthRange range) {
        return mi.prosecutions(range, legalClock.limit().toString(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    public List<SafeguardingRow> safeguarding(MonthRange range) {
        return mi.safeguarding(range);
    }

    public List<Timeliness> supplierTimeliness(MonthRange range) {
        return mi.supplierTimeliness(range);
    }

    /** Every queue's open and unallocated cases, and how long the oldest unallocated one has waited. */
    public Backlog backlog() {
        Instant now = clock.instant();
        Map<Queue, QueueDepth> depths = cases.openDepths(now);
        return new Backlog(Arrays.stream(Queue.values()).map(q -> {
            QueueDepth d = depths.getOrDefault(q, QueueDepth.EMPTY);
            long age = d.oldestUnallocatedStoredAt() == null ? 0
                    : Math.max(0, Duration.between(d.oldestUnallocatedStoredAt(), now).toSeconds());
            return new QueueBacklog(q, d.open(), d.unallocated(), age);
        }).toList());
    }
}
