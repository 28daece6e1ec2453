package uk.gov.em.hub.cases.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseConflict;
import uk.gov.em.hub.cases.domain.CaseLifecycle;
import uk.gov.em.hub.cases.domain.CaseNotFound;
import uk.gov.em.hub.cases.domain.ClaimRules;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.SignOffRequired;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;
import java.time.Instant;

/**
 * Claims, releases and actions, each in one transaction that first locks the case row: callers racing
 * for the same case are serialised by PostgreSQL, the rules ({@link ClaimRules}, {@link CaseLifecycle})
 * decide on the row as it stands, and the change and its audit row commit together.
 */
@Singleton
public class CaseWork {

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final ClaimRules rules;
    private final Clock clock;
    private final MeterRegistry meters;

    public CaseWork(CaseRepository cases, AuditRepository audit, ClaimRules rules, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
    }

    /** Who is calling: their user name and whether they are a senior caseworker or an administrator. */
    public record Caller(String username, boolean senior, boolean admin) {
    }

    @Transactional
    public HubCase claim(String caseId, Caller caller) {
        HubCase c = lock(caseId);
        Instant now = clock.instant();
        Instant expires = rules.claim(c, caller.username(), now);
        String previous = c.holderAt(now).isPresent() ? null : c.assignee();
        cases.claim(caseId, caller.username(), now, expires);
        audit.append(new AuditEntry(now, caller.username(), "CLAIMED", caseId, c.subjectId(),
                AuditDetail.of("until", expires.toString(), "lapsedClaimOf", previous)));
        meters.counter("em.hub.case.claims", "queue", c.queue().path()).increment();
        return reread(caseId);
    }

    @Transactional
    public HubCase release(String caseId, Caller caller) {
        HubCase c = lock(caseId);
        rules.release(c, caller.username(), caller.admin());
        cases.release(caseId);
        audit.append(new AuditEntry(clock.instant(), caller.username(), "RELEASED", caseId, c.subjectId(),
                AuditDetail.of("heldBy", c.assignee())));
        return reread(caseId);
    }

    @Transactional
    public HubCase act(String caseId, Caller caller, CaseAction action, String note) {
        HubCase c = lock(caseId);
        Instant now = clock.instant();
        if (c.status().isFinal()) {
            throw CaseConflict.finished(caseId, c.status());
        }
        rules.requireHolder(c, caller.username(), now);
        CaseLifecycle.Decision decision = CaseLifecycle.decide(c.queue(), c.status(), c.withdrawalFlagged(), action,
                caller.senior());
        CaseLifecycle.Decision.Allowed allowed = switch (decision) {
            case CaseLifecycle.Decision.Allowed a -> a;
            case CaseLifecycle.Decision.NotNow n -> throw CaseConflict.transitionRefused(n.reason());
            case CaseLifecycle.Decision.NeedsSignOff s -> throw new SignOffRequired(s.reason());
        };
        cases.act(c, action, caller.username(), note, allowed.to(), now);
        audit.append(new AuditEntry(now, caller.username(), "ACTION_" + action.name(), caseId, c.subjectId(),
                AuditDetail.of("from", c.status().name(), "to", allowed.to().name(), "note", note)));
        meters.counter("em.hub.case.actions", "action", action.name(), "queue", c.queue().path()).increment();
        return reread(caseId);
    }

    private HubCase lock(String caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }

    private HubCase reread(String caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }
}
