package uk.gov.em.hub.dataquality.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.dataquality.app.DataQualityQueries;
import uk.gov.em.hub.dataquality.app.DataQualityCountRow;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.mi.domain.MonthRange;
import uk.gov.em.hub.security.domain.Roles;

import java.util.List;

/**
 * Data-quality exceptions counted by month, supplier and kind (docs/api/hub-api.md "MI"), for ops, administrators
 * and the senior caseworkers who look into them.
 */
@Controller("/api/v1/mi/data-quality")
@Secured({Roles.OPS, Roles.ADMIN, Roles.SENIOR_CASEWORKER})
@ProblemResponses.RoleRequired
@ExecuteOn(TaskExecutors.BLOCKING)
public class DataQualityMiController {

    private final DataQualityQueries queries;

    public DataQualityMiController(DataQualityQueries queries) {
        this.queries = queries;
    }

    /** One month's exceptions of one kind from one supplier ({@code null}: not known). */
    public record MonthCount(String month, @Nullable String supplier, String kind, long count) {
    }

    /** {@code {"rows": [...]}}, the shape every MI table has. */
    public record Rows(List<MonthCount> rows) {
    }

    @Get
    @Operation(operationId = "dataQualityByMonth",
            summary = "Data-quality exceptions and dead letters by month of detection, supplier and kind")
    @ProblemResponses.BadRequest
    public Rows countsByMonth(@QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        return new Rows(queries.countsByMonth(MonthRange.parse(from, to)).stream()
                .map((DataQualityCountRow r) -> new MonthCount(r.month(), r.supplier(), r.kind(), r.count())).toList());
    }
}
