package uk.gov.em.hub.audit.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.gov.em.hub.audit.app.AuditQueries;
import uk.gov.em.hub.audit.domain.AuditChain;
import io.swagger.v3.oas.annotations.Operation;
import uk.gov.em.hub.common.web.ProblemResponses;
import uk.gov.em.hub.security.domain.Roles;

/**
 * Checks the audit trail's keyed hash chain end to end, and that it still reaches the head last published
 * to {@code em.audit-checkpoints}: {@code {"ok": true, "rowsChecked": n}} or the first row that was
 * altered, removed or inserted behind the application's back.
 */
@Controller("/api/v1/audit")
@Secured({Roles.OPS, Roles.ADMIN})
@ProblemResponses.RoleRequired
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final AuditQueries audit;

    public AuditController(AuditQueries audit) {
        this.audit = audit;
    }

    @Get("/verify")
    @Operation(operationId = "verifyAuditTrail",
            summary = "Checks the audit trail's hash chain end to end and against the last published checkpoint")
    public AuditChain.Report verify() {
        return audit.verify();
    }
}
