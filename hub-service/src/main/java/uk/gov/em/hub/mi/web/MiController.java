package uk.gov.em.hub.mi.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.mi.app.MiQueries;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.security.domain.Roles;

import java.util.List;

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

    private final MiQueries mi;

    public MiController(MiQueries mi) {
        this.mi = mi;
    }

    /** {@code {"rows": [...]}}, the shape every MI table has. */
    public record Rows<T>(List<T> rows) {
    }

    @Get("/breaches-by-type")
    @Operation(operationId = "breachesByType", summary = "Accepted notifications by month and breach type")
    @ProblemResponses.BadRequest
    public Rows<MiQueries.TypeCount> breachesByType(@QueryValue @Nullable String from, @QueryValue @Nullable String to,
                                                    @QueryValue @Nullable String grouping,
                                                    @QueryValue @Nullable String supplier) {
        MonthRange range = MonthRange.parse(from, to);
        return new Rows<>(mi.breachesByType(range, grouping(grouping), supplier));
    }

    @Get("/outcomes")
    @Operation(operationId = "outcomes", summary = "Cases finished or withdrawn, by month, queue and outcome")
    @ProblemResponses.BadRequest
    public Rows<MiQueries.OutcomeCount> outcomes(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return new Rows<>(mi.outcomes(MonthRange.parse(from, to)));
    }

    @Get("/sla")
    @Operation(operationId = "sla",
            summary = "Time targets met and missed per queue and month, and the cases overdue now")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public MiQueries.Sla sla(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return mi.sla(MonthRange.parse(from, to));
    }

    @Get("/prosecutions")
    @Operation(operationId = "prosecutions",
            summary = "Referrals for prosecution made, decided and lost to the legal clock, by month")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public Rows<MiQueries.ProsecutionRow> prosecutions(@QueryValue @Nullable String from,
                                                       @QueryValue @Nullable String to) {
        return new Rows<>(mi.prosecutions(MonthRange.parse(from, to)));
    }

    @Get("/safeguarding")
    @Operation(operationId = "safeguarding", summary = "Safeguarding referrals and their outcomes, by month")
    @ProblemResponses.BadRequest
    @Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
    public Rows<MiQueries.SafeguardingRow> safeguarding(@QueryValue @Nullable String from,
                                                        @QueryValue @Nullable String to) {
        return new Rows<>(mi.safeguarding(MonthRange.parse(from, to)));
    }

    @Get("/supplier-timeliness")
    @Operation(operationId = "supplierTimeliness",
            summary = "How long after the event each supplier's notifications arrived, by month")
    @ProblemResponses.BadRequest
    public Rows<MiQueries.Timeliness> supplierTimeliness(@QueryValue @Nullable String from,
                                                         @QueryValue @Nullable String to) {
        return new Rows<>(mi.supplierTimeliness(MonthRange.parse(from, to)));
    }

    @Get("/backlog")
    @Operation(operationId = "backlog",
            summary = "Open and unallocated cases per queue, and the age of the oldest unallocated one")
    public MiQueries.Backlog backlog() {
        return mi.backlog();
    }

    private static MiQueries.Grouping grouping(String word) {
        if (word == null || word.equals("catalogue")) {
            return MiQueries.Grouping.CATALOGUE;
        }
        if (!word.equals("published")) {
            throw new InvalidParameter("grouping", "must be catalogue or published (was '" + word + "')");
        }
        return MiQueries.Grouping.PUBLISHED;
    }
}
