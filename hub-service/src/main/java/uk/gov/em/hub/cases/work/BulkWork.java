package uk.gov.em.hub.cases.work;

import jakarta.inject.Singleton;
import uk.gov.em.hub.common.domain.InvalidParameter;
import uk.gov.em.hub.common.domain.Rejection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reassigning or releasing many cases at once, for senior caseworkers (someone leaving the team). Each
 * case is its own transaction with its own audit row, so one case that cannot move (finished, unknown)
 * is reported and the others still move.
 */
@Singleton
public class BulkWork {

    /** The most cases one request may move. */
    public static final int MAX_CASES = 500;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final CaseWork work;

    public BulkWork(CaseWork work) {
        this.work = work;
    }

    /** What happened to one case: done, or the problem that stopped it. */
    public record Result(String caseId, boolean done, String problem) {
    }

    /** What one request asks: the operation's word, the cases (repeats ignored) and, to reassign, to whom. */
    public record Request(String operation, List<String> caseIds, String assignee) {
    }

    /**
     * Does what {@code request} asks ({@code REASSIGN} to a user name, or {@code RELEASE}), each case on its
     * own; 422 when the request is malformed (no cases, too many, an unknown operation, no assignee).
     */
    public List<Result> apply(Request request, CaseWork.Caller senior) {
        if (request.caseIds() == null || request.caseIds().isEmpty() || request.caseIds().size() > MAX_CASES) {
            throw new InvalidParameter("caseIds", "must list 1 to " + MAX_CASES + " case ids");
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.caseIds()));
        String operation = request.operation() == null ? "" : request.operation().toUpperCase(Locale.ROOT);
        return switch (operation) {
            case "REASSIGN" -> {
                if (request.assignee() == null || !USERNAME.matcher(request.assignee()).matches()) {
                    throw new InvalidParameter("assignee", "is required for REASSIGN: a user name");
                }
                yield reassign(ids, senior, request.assignee());
            }
            case "RELEASE" -> release(ids, senior);
            default -> throw new InvalidParameter("operation", "must be REASSIGN or RELEASE (was '"
                    + request.operation() + "')");
        };
    }

    /** Gives every case to {@code assignee}. */
    public List<Result> reassign(List<String> caseIds, CaseWork.Caller senior, String assignee) {
        return each(caseIds, id -> work.reassign(id, senior, assignee));
    }

    /** Gives every case back to its queue. */
    public List<Result> release(List<String> caseIds, CaseWork.Caller senior) {
        return each(caseIds, id -> work.releaseAsSenior(id, senior));
    }

    private static List<Result> each(List<String> caseIds, java.util.function.Consumer<String> move) {
        List<Result> results = new ArrayList<>();
        for (String id : caseIds) {
            try {
                move.accept(id);
                results.add(new Result(id, true, null));
            } catch (Rejection r) {
                results.add(new Result(id, false, r.detail()));
            }
        }
        return results;
    }
}
