package uk.gov.em.hub.trailrequests;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.hub.accesslog.AccessLog;
import uk.gov.em.hub.accesslog.domain.PersonDataRead;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.paging.domain.CursorCodec;
import uk.gov.em.hub.paging.domain.Page;
import uk.gov.em.hub.paging.domain.PageLimit;
import uk.gov.em.hub.trailrequests.domain.InvalidTrailRequest;
import uk.gov.em.hub.trailrequests.domain.TrailOutcome;
import uk.gov.em.hub.trailrequests.domain.TrailRequest;
import uk.gov.em.hub.trailrequests.domain.TrailRequestNotFound;
import uk.gov.em.hub.trailrequests.domain.TrailRequestRules;
import uk.gov.em.hub.trailrequests.persistence.TrailOutcomeRepository;
import uk.gov.em.hub.trailrequests.persistence.TrailOutcomeRow;
import uk.gov.em.hub.trailrequests.persistence.TrailRequestRepository;
import uk.gov.em.hub.trailrequests.persistence.TrailRequestRow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Purpose-bound requests for a person's trail data (GPS history the hub does not hold but may ask the
 * supplier for): recorded with who asked, why and for which period, settled by a senior caseworker or ops,
 * each step appended to its own table and to the audit trail in one transaction; a request is also a use of
 * the person's data, so it is in their access log with its purpose.
 */
@Singleton
public class TrailRequests {

    private static final String CURSOR_KIND = "trail-requests";

    /** How a request appears in the person's access log. */
    public static final String ACCESS_LOG_WHAT = "POST /api/v1/subjects/{subjectId}/trail-requests";

    private final TrailRequestRepository requests;
    private final TrailOutcomeRepository outcomes;
    private final AuditRepository audit;
    private final AccessLog accessLog;
    private final Clock clock;

    public TrailRequests(TrailRequestRepository requests, TrailOutcomeRepository outcomes, AuditRepository audit,
                         AccessLog accessLog, Clock clock) {
        this.requests = requests;
        this.outcomes = outcomes;
        this.audit = audit;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Records {@code requester}'s request for the person's trail data; the request as stored. */
    @Transactional
    public TrailRequest request(String requester, String subjectId, String caseId, String purpose,
                               Instant from, Instant to) {
        TrailRequestRules.refuseRequest(purpose, from, to).ifPresent(r -> {
            throw r;
        });
        if (caseId != null && !requests.isCaseOf(caseId, subjectId)) {
            throw new InvalidTrailRequest("case " + caseId + " is not a case of this person");
        }
        Instant now = clock.instant();
        long id = requests.save(new TrailRequestRow(null, now, subjectId, caseId, requester, purpose, from, to)).id();
        audit.append(new AuditEntry(now, requester, "TRAIL_DATA_REQUESTED", caseId, subjectId,
                AuditDetail.of("request", Long.toString(id), "purpose", purpose, "from", from.toString(),
                        "to", to.toString())));
        accessLog.record(requester, new PersonDataRead.OfSubject(subjectId, ACCESS_LOG_WHAT), purpose);
        return find(id).orElseThrow();
    }

    /** Records what became of request {@code requestId}; the request as it now stands. */
    @Transactional
    public TrailRequest decide(String decidedBy, long requestId, TrailOutcome outcome, String note) {
        TrailRequest request = find(requestId).orElseThrow(() -> new TrailRequestNotFound(requestId));
        TrailRequestRules.refuseOutcome(requestId, request.outcomesSoFar(), outcome, note).ifPresent(r -> {
            throw r;
        });
        Instant now = clock.instant();
        outcomes.save(new TrailOutcomeRow(null, requestId, now, decidedBy, outcome, note));
        audit.append(new AuditEntry(now, decidedBy, "TRAIL_DATA_" + outcome.name(), request.caseId(),
                request.subjectId(), AuditDetail.of("request", Long.toString(requestId), "note", note)));
        return find(requestId).orElseThrow();
    }

    /** A page of the person's requests, newest first; {@code cursor} from the page before, or null. */
    @ReadOnly
    public Page<TrailRequest> of(String subjectId, PageLimit limit, String cursor) {
        long before = CursorCodec.rowIdBefore(cursor, CURSOR_KIND);
        List<TrailRequest> found = withOutcomes(requests.newestFirst(subjectId, before, limit.value() + 1));
        return Page.fromLookahead(found, limit, r -> CursorCodec.ofRowId(CURSOR_KIND, r.id()));
    }

    private Optional<TrailRequest> find(long requestId) {
        return requests.findById(requestId).map(row -> withOutcomes(List.of(row)).getFirst());
    }

    /** The requests with the outcomes recorded on each, read in one query for them all. */
    private List<TrailRequest> withOutcomes(List<TrailRequestRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TrailRequest.Outcome>> byRequest = outcomes.findByRequestIdInOrderById(
                        rows.stream().map(TrailRequestRow::id).toList()).stream()
                .collect(Collectors.groupingBy(TrailOutcomeRow::requestId, Collectors.mapping(
                        o -> new TrailRequest.Outcome(o.outcome(), o.note(), o.decidedBy(), o.decidedAt()),
                        Collectors.toList())));
        return rows.stream().map(r -> new TrailRequest(r.id(), r.requestedAt(), r.subjectId(), r.caseId(),
                r.requester(), r.purpose(), r.periodFrom(), r.periodTo(), byRequest.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
