package uk.gov.em.hub.cases.work;

import jakarta.inject.Singleton;
import uk.gov.em.hub.common.domain.Rejection;

import java.util.ArrayList;
import java.util.List;

/**
 * Reassigning or releasing many cases at once, for senior caseworkers (someone leaving the team). Each
 * case is its own transaction with its own audit row, so one case that cannot move (finished, unknown)
 * is reported and the others still move.
 */
@Singleton
public class BulkWork {

    /** The most cases one request may move. */
    public static final int MAX_CASES = 500;

    private final CaseWork work;

    public BulkWork(CaseWork work) {
        this.work = work;
    }

    /** What happened to one case: done, or the problem that stopped it. */
    public record Result(String caseId, boolean done, String problem) {
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
