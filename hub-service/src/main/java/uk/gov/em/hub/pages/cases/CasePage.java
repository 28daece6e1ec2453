package uk.gov.em.hub.pages.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import uk.gov.em.hub.cases.app.CaseDetail;
import uk.gov.em.hub.cases.app.CaseQueries;
import uk.gov.em.hub.cases.domain.ActionDetails;
import uk.gov.em.hub.cases.domain.CaseAction;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.work.CaseWork;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.NoFurtherActionReason;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.ProsecutionDecision;
import uk.gov.em.hub.cases.domain.ProsecutionOutcome;
import uk.gov.em.hub.cases.domain.ReviewOutcome;
import uk.gov.em.hub.cases.domain.SafeguardingOutcome;
import uk.gov.em.hub.common.domain.Rejection;
import uk.gov.em.hub.pages.common.Ages;
import uk.gov.em.hub.pages.common.CsrfTokens;
import uk.gov.em.hub.pages.common.ErrorPages;
import uk.gov.em.hub.pages.common.Labels;
import uk.gov.em.hub.pages.common.PageModel;
import uk.gov.em.hub.security.domain.Roles;
import uk.gov.em.hub.timeline.app.TimelineQueries;
import uk.gov.em.hub.subjects.SubjectRegister;
import uk.gov.em.hub.timeline.domain.TimelineEntry;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One case for the caseworker working it: why it is here (worded from the case's reason by {@link ReasonWords};
 * a case that arrived without one shows the sentence it came with), the evidence (with the 7-day battery window
 * drawn for an ABV), the legal clock, the actions the caller may take now (as {@link CaseQueries#forCaller}
 * gives them from the domain: the lifecycle's actions their role may take, only while they hold the case),
 * notes and the audit trail.
 */
@Controller("/cases/{caseId}")
@Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CasePage {

    private static final Labels LABELS = Labels.WORDS;

    private final CaseQueries cases;
    private final CaseWork work;
    private final TimelineQueries timeline;
    private final SubjectRegister subjects;
    private final CsrfTokens csrf;
    private final Clock clock;

    public CasePage(CaseQueries cases, CaseWork work, TimelineQueries timeline, SubjectRegister subjects,
                    CsrfTokens csrf, Clock clock) {
        this.cases = cases;
        this.work = work;
        this.timeline = timeline;
        this.subjects = subjects;
        this.csrf = csrf;
        this.clock = clock;
    }

    /**
     * An action the caller may take now, with the words on its radio button and which further question
     * it asks when chosen ({@code ""} for none): review, decision, outcome, safeguarding, reason, contact,
     * party or agency.
     */
    public record ActionChoice(String value, String label, String hint, String asks) {
    }

    /** A notification behind the case, as the page lists it. */
    public record Line(String when, String who, String what, String detail) {
    }

    /** An entry of the audit trail: when, what happened as a sentence, and its details in words. */
    public record AuditLine(String when, String sentence, List<Labels.Detail> details) {
    }

    /** An earlier breach on the person's ladder, in words. */
    public record Earlier(String what, String when) {
    }

    @Get
    public HttpResponse<?> show(HttpRequest<?> request, @PathVariable String caseId, @QueryValue @Nullable String done,
                               Authentication who) {
        CaseQueries.CaseForCaller found = cases.forCaller(caseId, CaseWork.Caller.of(who));
        CaseDetail c = found.detail();
        boolean heldByMe = who.getName().equals(c.assignee());
        List<ActionChoice> choices = found.actions().stream()
                .map(a -> new ActionChoice(a.name(), LABELS.action(a), hint(a), asks(a)))
                .toList();
        Set<String> evidenceIds = new HashSet<>(c.evidence() == null ? List.of() : c.evidence().notificationIds());
        List<Line> notifications = timeline.of(c.subjectId()).entries().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.NOTIFICATION && evidenceIds.contains(e.notificationId()))
                .map(e -> new Line(Ages.when(e.at()), e.supplier(), LABELS.trigger(e.code()), e.notificationId()))
                .toList();
        List<AuditLine> audit = c.audit().stream()
                .map(a -> new AuditLine(Ages.when(a.at()), LABELS.auditSentence(a.actor(), a.action()),
                        LABELS.auditDetails(a.detail()))).toList();
        List<Earlier> earlier = c.evidence() == null ? List.of() : c.evidence().earlierBreaches().stream()
                .map(e -> new Earlier(LABELS.trigger(e.trigger()), Ages.when(e.occurredAt()))).toList();
        boolean vulnerable = subjects.isVulnerable(c.subjectId());
        BatteryWindowChart battery = c.evidence() == null || c.evidence().periods().isEmpty() ? null
                : BatteryWindowChart.of(c.evidence().periods(), c.openedAt());
        return HttpResponse.ok(PageModel.of("case", LABELS.trigger(c.trigger()) + ", case " + c.caseId(),
                        request, who, csrf)
                .with("c", c).with("because", c.reason() == null ? c.explanation() : ReasonWords.sentence(c.reason()))
                .with("reasonPeriods", ReasonWords.periods(c.reason()))
                .with("heldByMe", heldByMe).with("canClaim", found.mayClaim())
                .with("canRelease", found.mayRelease())
                .with("choices", choices).with("notifications", notifications).with("audit", audit)
                .with("earlier", earlier).with("vulnerable", vulnerable)
                .with("battery", battery).with("opened", Ages.when(c.openedAt()))
                .with("age", Ages.age(c.openedAt(), clock.instant()))
                .with("claimUntil", Ages.when(c.claimExpiresAt()))
                .with("lastDay", c.lastDayToStartProsecution() == null ? null
                        : Ages.day(c.lastDayToStartProsecution()))
                .with("evidenceMissing", evidenceIds.size() - notifications.size())
                .with("queueLabel", LABELS.queue(c.queue())).with("done", done != null)
                .with("due", c.dueAt() == null ? null : Ages.when(c.dueAt()))
                .with("mitigationDue", c.mitigationDueAt() == null ? null : Ages.when(c.mitigationDueAt()))
                .with("attention", LABELS.attention(c.attention()))
                .with("warningsServed", c.warningsServedInLadderWindow().stream().map(Ages::when).toList())
                .with("outcomeWords", LABELS.outcomeOrReason(c.outcomeDetail()))
                .with("reviewOutcomes", LABELS.choices(ReviewOutcome.class))
                .with("decisions", LABELS.choices(ProsecutionDecision.class))
                .with("prosecutionOutcomes", LABELS.choices(ProsecutionOutcome.class))
                .with("safeguardingOutcomes", LABELS.choices(SafeguardingOutcome.class))
                .with("reasons", LABELS.choices(NoFurtherActionReason.class))
                .with("methods", LABELS.choices(ContactMethod.class))
                .with("parties", LABELS.choices(NotifiedParty.class)).view());
    }

    @Post(value = "/claim", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public HttpResponse<?> claim(HttpRequest<?> request, @PathVariable String caseId, Authentication who,
                                 @Nullable String csrf, @Nullable String back) {
        this.csrf.check(request, csrf);
        work.claim(caseId, CaseWork.Caller.of(who));
        return backTo(back, caseId);
    }

    @Post(value = "/release", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER, Roles.ADMIN})
    public HttpResponse<?> release(HttpRequest<?> request, @PathVariable String caseId, Authentication who,
                                   @Nullable String csrf, @Nullable String back) {
        this.csrf.check(request, csrf);
        work.release(caseId, CaseWork.Caller.of(who));
        return backTo(back, caseId);
    }

    @Post(value = "/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Roles.CASEWORKER, Roles.SENIOR_CASEWORKER})
    public HttpResponse<?> act(HttpRequest<?> request, @PathVariable String caseId, Authentication who,
                               @Nullable String csrf, @Nullable String action, @Nullable String note,
                               @Nullable String reviewOutcome, @Nullable String decision,
                               @Nullable String prosecutionOutcome, @Nullable String safeguardingOutcome,
                               @Nullable String reason, @Nullable String method, @Nullable String reached,
                               @Nullable String party, @Nullable String agency) {
        this.csrf.check(request, csrf);
        // each further question has its own field on the form (hidden ones are sent too): keep the chosen action's
        String outcome = action == null ? null : switch (action) {
            case "REVIEW_COMPLETED" -> reviewOutcome;
            case "PROSECUTION_DECISION" -> decision;
            case "PROSECUTION_OUTCOME" -> prosecutionOutcome;
            case "SAFEGUARDING_OUTCOME" -> safeguardingOutcome;
            default -> null;
        };
        HubCase after = work.act(caseId, CaseWork.Caller.of(who), action, new ActionDetails.Words(
                blankToNull(outcome), blankToNull(reason), blankToNull(method),
                reached == null || reached.isBlank() ? null : "yes".equals(reached), blankToNull(party),
                blankToNull(agency)), blankToNull(note));
        return HttpResponse.seeOther(URI.create("/cases/" + after.caseId() + "?done=" + after.status()));
    }

    @Error(exception = Rejection.class)
    public HttpResponse<?> rejected(HttpRequest<?> request, Rejection rejection) {
        return ErrorPages.of(request, rejection, csrf);
    }

    private static HttpResponse<?> backTo(String back, String caseId) {
        // only the two places the forms come from: never an arbitrary URL (no open redirect)
        if (back != null && back.matches("/queues/(warnings|reviews|prosecutions)")) {
            return HttpResponse.seeOther(URI.create(back));
        }
        return HttpResponse.seeOther(URI.create("/cases/" + caseId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String asks(CaseAction action) {
        return switch (action) {
            case REVIEW_COMPLETED -> "review";
            case PROSECUTION_DECISION -> "decision";
            case PROSECUTION_OUTCOME -> "outcome";
            case SAFEGUARDING_OUTCOME -> "safeguarding";
            case NO_FURTHER_ACTION -> "reason";
            case CONTACT_ATTEMPTED -> "contact";
            case PARTY_NOTIFIED -> "party";
            case SAFEGUARDING_REFERRAL -> "agency";
            default -> "";
        };
    }

    private static String hint(CaseAction action) {
        return switch (action) {
            case REFERRED_FOR_PROSECUTION -> "A senior caseworker's sign-off. The case waits for the prosecutor's"
                    + " decision. Without a warning served in the last 90 days, write the justification in the note.";
            case NO_FURTHER_ACTION, REVIEW_COMPLETED, PROSECUTION_OUTCOME -> "Closes the case.";
            case MITIGATION_ACCEPTED, MITIGATION_REJECTED -> "Write the reason given to the person in the note."
                    + " Closes the case.";
            case PROSECUTION_DECISION -> "A charge waits for the outcome; any other decision closes the case.";
            case CONTACT_ATTEMPTED, PARTY_NOTIFIED, SAFEGUARDING_REFERRAL, SAFEGUARDING_OUTCOME ->
                    "Recorded on the case; it stays where it is.";
            case REPRESENTATIONS_RECEIVED -> "Raises a review of the person's conditions, unless one is open.";
            case WARNING_LETTER_SENT -> "The person is invited to explain.";
            case NOTE -> "Keeps the case where it is.";
            default -> "";
        };
    }
}
