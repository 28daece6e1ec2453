package uk.gov.em.hub.cases.app;

import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseLifecycle;
import uk.gov.em.hub.cases.domain.CaseListFilter;
import uk.gov.em.hub.cases.domain.CaseNotFound;
import uk.gov.em.hub.cases.domain.ClaimRules;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.LadderWindow;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.domain.NewestFirstKey;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Reads cases for the API and the pages alike: one case in full (its actions, audit rows, legal clock and
 * the warnings served to the person in the ladder window), what a given caller may do with it, and the
 * filtered listing newest raised first.
 */
@Singleton
public class CaseQueries {

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final LegalClock legalClock;
    private final LadderWindow ladder;
    private final ClaimRules claims;
    private final Clock clock;

    public CaseQueries(CaseRepository cases, AuditRepository audit, LegalClock legalClock, LadderWindow ladder,
                       ClaimRules claims, Clock clock) {
        this.cases = cases;
        this.ladder = ladder;
        this.audit = audit;
        this.legalClock = legalClock;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * A case and what the caller may do with it now, all decided by the domain: the actions the lifecycle
     * allows their role ({@link CaseLifecycle#actionsFor}) while they hold it, whether they may claim it and
     * whether they may give it back ({@link ClaimRules}).
     */
    public record CaseForCaller(CaseDetail detail, Set<CaseAction> actions, boolean mayClaim, boolean mayRelease) {
    }

    /** One case in full; 404 when there is no such case. */
    public CaseDetail one(String caseId) {
        return cases.findById(caseId).map(this::detail).orElseThrow(() -> new CaseNotFound(caseId));
    }

    /** One case in full with what {@code caller} may do with it now; 404 when there is no such case. */
    public CaseForCaller forCaller(String caseId, CaseWork.Caller caller) {
        HubCase c = cases.findById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        Instant now = clock.instant();
        boolean holds = claims.holds(c, caller.username(), now);
        Set<CaseAction> actions = holds
                ? CaseLifecycle.actionsFor(c.queue(), c.status(), c.withdrawalFlagged(), caller.senior())
                : Set.of();
        return new CaseForCaller(detail(c, now), actions, caller.worker() && claims.isFree(c, now),
                holds || (caller.admin() && c.holderAt(now).isPresent()));
    }

    /** Cases matching the filter, newest raised first, a page at a time; {@code cursor} from the page before. */
    public Page<CaseSummary> list(CaseListFilter filter, PageLimit limit, String cursor) {
        NewestFirstKey after = cursor == null ? null : NewestFirstKey.fromCursor(cursor);
        return Page.fromLookahead(cases.newestFirst(filter, after, limit.value() + 1), limit,
                c -> NewestFirstKey.of(c).toCursor()).map(this::summary);
    }

    /** A case as read now, in full. */
    public CaseDetail detail(HubCase c) {
        return detail(c, clock.instant());
    }

    /** A case as a listing shows it now. */
    public CaseSummary summary(HubCase c) {
        return CaseSummary.of(c, clock.instant(), legalClock);
    }

    private CaseDetail detail(HubCase c, Instant now) {
        return CaseDetail.of(c, now, legalClock, cases.warningsServed(c.subjectId(), ladder.windowStart(now)),
                cases.actions(c.caseId()), audit.forCase(c.caseId()));
    }
}
