package uk.gov.em.hub.cases.web;

import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.LadderWindow;
import uk.gov.em.hub.cases.domain.LegalClock;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;
import java.time.Instant;

/**
 * Puts together a case's full answer: the case, its actions, its audit rows, its legal clock and the
 * warnings served to the person in the ladder window.
 */
@Singleton
public class CaseDetails {

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final LegalClock legalClock;
    private final LadderWindow ladder;
    private final Clock clock;

    public CaseDetails(CaseRepository cases, AuditRepository audit, LegalClock legalClock, LadderWindow ladder,
                       Clock clock) {
        this.cases = cases;
        this.ladder = ladder;
        this.audit = audit;
        this.legalClock = legalClock;
        this.clock = clock;
    }

    public CaseDetailResponse of(HubCase c) {
        Instant now = clock.instant();
        return CaseDetailResponse.of(c, now, legalClock, cases.warningsServed(c.subjectId(), ladder.windowStart(now)),
                cases.actions(c.caseId()), audit.forCase(c.caseId()));
    }

    public CaseSummaryResponse summary(HubCase c) {
        return CaseSummaryResponse.of(c, clock.instant(), legalClock);
    }
}
