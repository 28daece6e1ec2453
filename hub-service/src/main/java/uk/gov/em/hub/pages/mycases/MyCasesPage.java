package uk.gov.em.hub.pages.mycases;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.mycases.app.MyCases;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.security.domain.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** "My cases": the cases the signed-in caseworker holds, the claim that runs out first first. */
@Controller("/my-cases")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyCasesPage {

    private final MyCases myCases;
    private final CsrfTokens csrf;
    private final Clock clock;

    public MyCasesPage(MyCases myCases, CsrfTokens csrf, Clock clock) {
        this.myCases = myCases;
        this.csrf = csrf;
        this.clock = clock;
    }

    /** A held case as shown. */
    public record Row(String caseId, String subjectId, String queue, String trigger, String status, String harmLevel,
                      String claimed, String leaseExpires, String leaseLeft, boolean leaseRunOut, String due,
                      boolean withdrawn) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, Authentication who) {
        Instant now = clock.instant();
        List<Row> rows = myCases.heldBy(who.getName(), now).stream().map(h -> new Row(h.c().caseId(),
                h.c().subjectId(), h.c().queue(), h.c().trigger(), h.c().status(),
                h.c().harmLevel() == null ? "Not known" : h.c().harmLevel(), Ages.when(h.c().claimedAt()),
                Ages.when(h.c().claimExpiresAt()), h.leaseRunOut() ? "" : Ages.age(now, h.c().claimExpiresAt()),
                h.leaseRunOut(), Ages.when(h.c().dueAt()), h.c().withdrawalFlagged())).toList();
        return HttpResponse.ok(PageModel.of("my-cases", "My cases", request, who, csrf)
                .with("rows", rows).with("max", MyCases.MAX_SHOWN).view());
    }
}
