package uk.gov.em.hub.cases.web;

import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;

/** Puts together a case's full answer: the case, its actions, its audit rows and its legal clock. */
@Singleton
public class CaseDetails {

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final LegalClock legalClock;
    private final Clock clock;

    public CaseDetails(CaseRepository cases, AuditRepository audit, LegalClock legalClock, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.legalClock = legalClock;
        this.clock = clock;
    }

    public CaseDetailResponse of(HubCase c) {
        return CaseDetailResponse.of(c, clock.instant(), legalClock.lastDayToStartProsecution(c).orElse(null),
                cases.actions(c.caseId()), audit.forCase(c.caseId()));
    }

    public CaseSummaryResponse summary(HubCase c) {
        return CaseSummaryResponse.of(c, clock.instant(), legalClock);
    }
}
