package uk.gov.em.hub.cases.work;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.domain.ActionDetails;
import uk.gov.em.hub.cases.domain.ActionPreconditions;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.CaseProgress;
import uk.gov.em.hub.cases.domain.LadderWindow;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.TimeTargets;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.cases.domain.CaseConflict;
import uk.gov.em.hub.cases.domain.CaseLifecycle;
import uk.gov.em.hub.cases.domain.CaseNotFound;
import uk.gov.em.hub.cases.domain.ClaimRules;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.SignOffRequired;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.security.domain.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Claims, releases and actions, each in one transaction that first locks the case row: callers racing
 * for the same case are serialised by PostgreSQL, the rules ({@link ClaimRules}, {@link CaseLifecycle})
 * decide on the row as it stands, and the change and its audit row commit together.
 */
@Singleton
public class CaseWork {

    /** The trigger of a review raised because representations arrived. */
    public static final String REPRESENTATIONS_TRIGGER = "REPRESENTATIONS_RECEIVED";
    /** Who the audit trail says raised it. */
    public static final String REPRESENTATIONS_ACTOR = AuditEntry.SYSTEM + ":representations";

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final ClaimRules rules;
    private final TimeTargets targets;
    private final LadderWindow ladder;
    private final Clock clock;
    private final MeterRegistry meters;

    public CaseWork(CaseRepository cases, AuditRepository audit, ClaimRules rules, TimeTargets targets, LadderWindow ladder,
                    Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.targets = targets;
        this.ladder = ladder;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
    }

    /** The longest note an action may carry. */
    public static final int MAX_NOTE = 4000;

    /**
     * Who is calling: their user name and whether they work cases (a caseworker or a senior caseworker),
     * are a senior caseworker, or an administrator.
     */
    public record Caller(String username, boolean worker, boolean senior, boolean admin) {

        /** The caller an authenticated request (API or page) names. */
        public static Caller of(Authentication who) {
            boolean senior = who.getRoles().contains(Roles.SENIOR_CASEWORKER);
            return new Caller(who.getName(), senior || who.getRoles().contains(Roles.CASEWORKER), senior,
                    who.getRoles().contains(Roles.ADMIN));
        }
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

    /**
     * Claims the first case of {@code queue}, in queue order (docs/policy.md §8), that is free
     * ({@link ClaimRules#isFree}): one statement that picks, locks and claims it, skipping rows other
     * callers hold locked, so racing callers never get the same case. Empty when no case is free.
     */
    @Transactional
    public Optional<HubCase> takeNext(Queue queue, Caller caller) {
        Instant now = clock.instant();
        Instant expires = now.plus(rules.lease());
        Optional<CaseRepository.Taken> taken = cases.takeNext(queue, caller.username(), now, expires);
        taken.ifPresent(t -> {
            audit.append(new AuditEntry(now, caller.username(), "CLAIMED", t.caseId(), t.subjectId(),
                    AuditDetail.of("until", expires.toString(), "lapsedClaimOf", t.previousAssignee())));
            meters.counter("em.hub.case.claims", "queue", queue.path()).increment();
        });
        return taken.map(t -> reread(t.caseId()));
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

    /**
     * A senior caseworker gives an unfinished case to {@code assignee} (a person leaving the team, work
     * rebalanced): a fresh claim for the lease, audited with who held it before.
     */
    @Transactional
    public HubCase reassign(String caseId, Caller senior, String assignee) {
        HubCase c = lock(caseId);
        if (c.status().isFinal()) {
            throw CaseConflict.finished(caseId, c.status());
        }
        Instant now = clock.instant();
        Instant expires = now.plus(rules.lease());
        cases.claim(caseId, assignee, now, expires);
        audit.append(new AuditEntry(now, senior.username(), "REASSIGNED", caseId, c.subjectId(),
                AuditDetail.of("to", assignee, "heldBy", c.holderAt(now).orElse(null), "until", expires.toString())));
        return reread(caseId);
    }

    /** A senior caseworker gives a case back to its queue whoever holds it, audited with who held it. */
    @Transactional
    public HubCase releaseAsSenior(String caseId, Caller senior) {
        HubCase c = lock(caseId);
        rules.release(c, senior.username(), true);
        cases.release(caseId);
        audit.append(new AuditEntry(clock.instant(), senior.username(), "RELEASED", caseId, c.subjectId(),
                AuditDetail.of("heldBy", c.assignee(), "bySenior", "true")));
        return reread(caseId);
    }

    /**
     * Records the action named by {@code action} (its word, as the API and the form send it) with its
     * note and details; 422 when the word is missing or unknown or the note too long.
     */
    @Transactional
    public HubCase act(String caseId, Caller caller, String action, ActionDetails.Words words, String note) {
        if (action == null || action.isBlank()) {
            throw new InvalidParameter(CaseAction.PARAMETER, "is required");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidParameter("note", "must be at most " + MAX_NOTE + " characters");
        }
        return act(caseId, caller, CaseAction.fromWord(action), words, note);
    }

    @Transactional
    public HubCase act(String caseId, Caller caller, CaseAction action, ActionDetails.Words words, String note) {
        HubCase c = lock(caseId);
        Instant now = clock.instant();
        if (c.status().isFinal()) {
            throw CaseConflict.finished(caseId, c.status());
        }
        rules.requireHolder(c, caller.username(), now);
        allowed(c, action, null, caller);
        ActionDetails details = words.parse(action, note);
        CaseLifecycle.Decision.Allowed allowed = allowed(c, action, details.outcome(), caller);
        preconditions(c, action, note, now).ifPresent(rejection -> {
            throw rejection;
        });
        CaseProgress progress = targets.afterAction(c, action, details, allowed.to(), now);
        cases.act(c, action, details, caller.username(), note, allowed.to(), progress, now);
        audit.append(new AuditEntry(now, caller.username(), "ACTION_" + action.name(), caseId, c.subjectId(),
                AuditDetail.of("from", c.status().name(), "to", allowed.to().name(), "note", note,
                        "outcome", details.outcome(), "reason", details.reason(),
                        "method", details.method() == null ? null : details.method().name(),
                        "reached", details.reached() == null ? null : details.reached().toString(),
                        "party", details.party() == null ? null : details.party().name(),
                        "agency", details.agency())));
        meters.counter("em.hub.case.actions", "action", action.name(), "queue", c.queue().path()).increment();
        if (action == CaseAction.REPRESENTATIONS_RECEIVED) {
            raiseReviewForRepresentations(c, now);
        }
        return reread(caseId);
    }

    /**
     * Representations for a person trigger a review of their conditions: a reviews case raised now,
     * unless one is already open for them (the representations are then for that review to weigh).
     */
    private void raiseReviewForRepresentations(HubCase c, Instant now) {
        if (cases.hasOpenReview(c.subjectId())) {
            return;
        }
        BreachCase review = new BreachCase("representations:" + c.subjectId() + ":" + now.toEpochMilli(),
                c.subjectId(), Queue.REVIEWS, Severity.MEDIUM, REPRESENTATIONS_TRIGGER, "hub", "hub.representations",
                new CaseEvidence(List.of(), List.of(), 0, List.of()), now, now, c.harmLevel(),
                "Representations received for the person (recorded on case " + c.caseId() + "): review their conditions");
        try (CaseRepository.Writer writer = cases.writer()) {
            if (writer.insertIfAbsent(review, now)) {
                audit.append(new AuditEntry(now, REPRESENTATIONS_ACTOR, "CASE_RAISED", review.caseId(), c.subjectId(),
                        AuditDetail.of("queue", review.queue().path(), "trigger", review.trigger(), "from", c.caseId())));
            }
        }
    }

    private static CaseLifecycle.Decision.Allowed allowed(HubCase c, CaseAction action, String outcome, Caller caller) {
        return switch (CaseLifecycle.decide(c.queue(), c.status(), c.withdrawalFlagged(), action, outcome,
                caller.senior())) {
            case CaseLifecycle.Decision.Allowed a -> a;
            case CaseLifecycle.Decision.NotNow n -> throw CaseConflict.transitionRefused(n.reason());
            case CaseLifecycle.Decision.NeedsSignOff s -> throw new SignOffRequired(s.reason());
        };
    }

    private Optional<Rejection> preconditions(HubCase c, CaseAction action, String note, Instant now) {
        return switch (action) {
            case REFERRED_FOR_PROSECUTION -> ActionPreconditions.referralJustified(
                    !cases.warningsServed(c.subjectId(), ladder.windowStart(now)).isEmpty(), note)
                    .or(() -> ActionPreconditions.partiesNotifiedBeforeEscalation(c.trigger(), notified(c)));
            case SAFEGUARDING_OUTCOME -> ActionPreconditions.safeguardingReferred(cases.actions(c.caseId()).stream()
                    .anyMatch(a -> a.action() == CaseAction.SAFEGUARDING_REFERRAL));
            default -> Optional.empty();
        };
    }

    private Set<NotifiedParty> notified(HubCase c) {
        return cases.actions(c.caseId()).stream()
                .filter(a -> a.action() == CaseAction.PARTY_NOTIFIED && a.details().party() != null)
                .map(a -> a.details().party())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotifiedParty.class)));
    }

    /**
     * Flags {@code attention} on a case still being worked, gives it back to the queue (its claim ends)
     * and audits it as {@code actor}; false when the case is finished or flagged so already.
     */
    @Transactional
    public boolean flag(String caseId, Attention attention, String actor) {
        HubCase c = lock(caseId);
        if (c.status().isFinal() || c.progress().attention() == attention) {
            return false;
        }
        Instant now = clock.instant();
        cases.updateProgress(caseId, targets.flagged(c, attention, now));
        if (c.assignee() != null) {
            cases.release(caseId);
        }
        audit.append(new AuditEntry(now, actor, "FLAGGED_" + attention.name(), caseId, c.subjectId(),
                AuditDetail.of("status", c.status().name(), "heldBy", c.assignee())));
        return true;
    }

    private HubCase lock(String caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }

    private HubCase reread(String caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFound(caseId));
    }
}
