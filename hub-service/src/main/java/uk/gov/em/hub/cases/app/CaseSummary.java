package uk.gov.em.hub.cases.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.LegalClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A case as a queue or listing shows it (docs/api/hub-api.md "A case summary"), the same record for the API
 * and the pages. {@code assignee} is the holder of
 * a live claim: a lapsed claim shows as unallocated. {@code dueAt} is when the next action is due by the
 * queue's time target (or the legal clock), {@code overdue} whether that has passed; {@code attention}
 * says why an unfinished case came back to the queue; {@code legalClockWarning} that the prosecution time
 * limit is within its warning period (or passed) with no prosecution started.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseSummary(
        String caseId,
        String subjectId,
        Queue queue,
        Severity severity,
        HarmLevel harmLevel,
        String trigger,
        Instant openedAt,
        Instant raisedAt,
        CaseStatus status,
        String assignee,
        String explanation,
        boolean withdrawalFlagged,
        LocalDate lastDayToStartProsecution,
        Instant dueAt,
        boolean overdue,
        Instant mitigationDueAt,
        Attention attention,
        boolean legalClockWarning) {

    public static CaseSummary of(HubCase c, Instant now, LegalClock legalClock) {
        return new CaseSummary(c.caseId(), c.subjectId(), c.queue(), c.severity(), c.harmLevel(),
                c.trigger(), c.openedAt(), c.raisedAt(), c.status(), c.holderAt(now).orElse(null), c.explanation(),
                c.withdrawalFlagged(), legalClock.lastDayToStartProsecution(c).orElse(null),
                c.status().isFinal() ? null : c.progress().dueAt(), c.overdueAt(now), c.progress().mitigationDueAt(),
                c.status().isFinal() ? null : c.progress().attention(),
                legalClock.warns(c, LocalDate.ofInstant(now, ZoneOffset.UTC)));
    }
}
