package uk.gov.em.hub.mi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Queue;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository.QueueDepth;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.mi.persistence.MiRepository;
import uk.gov.em.hub.security.domain.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Management information (hub-api.md "MI") for OPS and administrators. {@code breaches-by-type} is the
 * contract's table; {@code grouping=published} folds the catalogue codes into the rows of the
 * published inspection table (five named types and OTHER), and {@code supplier} narrows it to one
 * supplier. Outcomes by month and supplier timeliness are the hub's additions.
 */
@Controller("/api/v1/mi")
@Secured({Roles.OPS, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class MiController {

    private final MiRepository mi;
    private final CaseRepository cases;
    private final Clock clock;

    public MiController(MiRepository mi, CaseRepository cases, Clock clock) {
        this.mi = mi;
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
    public Rows<MiRepository.OutcomeCount> outcomes(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return new Rows<>(mi.outcomes(MonthRange.parse(from, to)));
    }

    @Get("/supplier-timeliness")
    public Rows<MiRepository.Timeliness> supplierTimeliness(@QueryValue @Nullable String from,
                                                            @QueryValue @Nullable String to) {
        return new Rows<>(mi.supplierTimeliness(MonthRange.parse(from, to)));
    }

    @Get("/backlog")
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
