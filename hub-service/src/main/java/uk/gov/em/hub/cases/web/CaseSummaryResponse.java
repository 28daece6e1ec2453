package uk.gov.em.hub.cases.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.cases.domain.CaseStatus;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.LegalClock;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as a queue or listing shows it (hub-api.md "A case summary"). {@code assignee} is the holder of
 * a live claim: a lapsed claim shows as unallocated.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseSummaryResponse(
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
        LocalDate lastDayToStartProsecution) {

    public static CaseSummaryResponse of(HubCase c, Instant now, LegalClock legalClock) {
        return new CaseSummaryResponse(c.caseId(), c.subjectId(), c.queue(), c.severity(), c.harmLevel(),
                c.trigger(), c.openedAt(), c.raisedAt(), c.status(), c.holderAt(now).orElse(null), c.explanation(),
                c.withdrawalFlagged(), legalClock.lastDayToStartProsecution(c).orElse(null));
    }
}
