package uk.gov.em.hub.mi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository.QueueDepth;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.mi.persistence.MiRepository;
import uk.gov.em.hub.security.domain.Roles;

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
 * Management information (docs/api/hub-api.md "MI") for OPS and administrators. {@code breaches-by-type} is the
 * contract's table; {@code grouping=published} folds the catalogue codes into the rows of the
 * published inspection table (five named types and OTHER), and {@code supplier} narrows it to one
 * supplier. Outcomes by month (with the reason or outcome given), supplier timeliness, the SLA table,
 * prosecutions and safeguarding referrals are the hub's additions; senior caseworkers may read the last three.
 */
@Controller("/api/v1/mi")
@Secured({Roles.OPS, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ExecuteOn(TaskExecutors.BLOCKING)
public class MiController {

    private final MiRepository mi;
    private final CaseRepository cases;
    private final LegalClock legalClock;
    private final Clock clock;

    public MiController(MiRepository mi, CaseRepository cases, LegalClock legalClock, Clock clock) {
        this.mi = mi;
        this.legalClock = legalClock;
        this.cases = cases;
        this.clock = clock;
    }

    /** {@code {"rows": [...]}}, the shape every MI table has. */
    public record Rows<T>(List<T> rows) {
    }

    /** One queue's backlog. */
    public record QueueBacklog(Queue queue, long open, long unallocated, long oldestUnallocatedAgeSeconds) {
    }

    /** Every queue's backlog. */
    public record Backlog(List<QueueBacklog> queues) {
    }

    @Get("/breaches-by-type")
    @Operation(operationId = "breachesByType", summary = "Accepted notifications by month and breach type")
    @ProblemResponses.BadRequest
    public Rows<MiRepository.TypeCount> breachesByType(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                                       @QueryValue @Nullable String grouping,
                                                       @QueryValue @Nullable String supplier) {
        List<MiRepository.TypeCount> rows = mi.breachesByType(MonthRange.parse(from, to), supplier);
        if (grouping == null || grouping.equals("catalogue")) {
            return new Rows<>(rows);
        }
        if (!grouping.equals("published")) {
            throw new InvalidParameter("grouping", "must be catalogue or published (was '" + grouping + "')");
        }
        Map<String, Long> folded = new TreeMap<>();
        for (MiRepository.TypeCount row : rows) {
            String category = BreachType.fromCode(row.type()).map(BreachType::miCategory).orElse(BreachType.MI_OTHER);
            folded.merge(row.month() + " " + category, row.count(), Long::sum);
        }
        return new Rows<>(folded.entrySet().stream().map(e -> {
            String[] key = e.getKey().split(" ");
            return new MiRepository.TypeCount(key[0], key[1], e.getValue());
        }).toList());
    }

    @Get("/outcomes")
    @Operation(operationId = "outcomes", summary = "Cases finished or withdrawn, by month, queue and outcome")
    @ProblemResponses.BadRequest
    public Rows<MiRepository.OutcomeCount> outcomes(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return new Rows<>(mi.outcomes(MonthRange.parse(from, to)));
    }

    /**
     * The SLA table: per queue and month of the first action's target, met and missed targets and the
     * share met; and per queue, the cases overdue now and the oldest overdue.
     */
    public record Sla(List<MiRepository.SlaRow> rows, List<QueueOverdue> queues) {
    }

    /** One queue's cases overdue now, and since when the most overdue one has been due. */
    public record QueueOverdue(Queue queue, long overdue, Instant oldestOverdueDueAt, long oldestOverdueSeconds) {
    }

    @Get("/sla")
    @Operation(operationId = "sla",
            summary = "Time targets met and missed per queue and month, and the cases overdue now")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public Sla sla(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        Instant now = clock.instant();
        Map<Queue, QueueDepth> depths = cases.openDepths(now);
        return new Sla(mi.sla(MonthRange.parse(from, to), now), Arrays.stream(Queue.values()).map(q -> {
            QueueDepth d = depths.getOrDefault(q, QueueDepth.EMPTY);
            return new QueueOverdue(q, d.overdue(), d.oldestOverdueDueAt(), d.oldestOverdueDueAt() == null ? 0
                    : Math.max(0, Duration.between(d.oldestOverdueDueAt(), now).toSeconds()));
        }).toList());
    }

    @Get("/prosecutions")
    @Operation(operationId = "prosecutions",
            summary = "Referrals for prosecution made, decided and lost to the legal clock, by month")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public Rows<MiRepository.ProsecutionRow> prosecutions(@QueryValue @Nullable String from,
                                                          @QueryValue @Nullable String to) {
        return new Rows<>(mi.prosecutions(MonthRange.parse(from, to), legalClock.limit().toString(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    @Get("/safeguarding")
    @Operation(operationId = "safeguarding", summary = "Safeguarding referrals and their outcomes, by month")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public Rows<MiRepository.SafeguardingRow> safeguarding(@QueryValue @Nullable String from,
                                                           @QueryValue @Nullable String to) {
        return new Rows<>(mi.safeguarding(MonthRange.parse(from, to)));
    }

    @Get("/supplier-timeliness")
    @Operation(operationId = "supplierTimeliness",
            summary = "How long after the event each supplier's notifications arrived, by month")
    @ProblemResponses.BadRequest
    public Rows<MiRepository.Timeliness> supplierTimeliness(@QueryValue @Nullable String from,
                                                            @QueryValue @Nullable String to) {
        return new Rows<>(mi.supplierTimeliness(MonthRange.parse(from, to)));
    }

    @Get("/backlog")
    @Operation(operationId = "backlog",
            summary = "Open and unallocated cases per queue, and the age of the oldest unallocated one")
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
