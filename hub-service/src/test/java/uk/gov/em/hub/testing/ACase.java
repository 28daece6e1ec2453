package uk.gov.em.hub.testing;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@link BreachCase}s for tests: sensible defaults, change only what a test is about. */
public record ACase(String caseId, String subjectId, Queue queue, Severity severity, HarmLevel harmLevel,
                    String trigger, Instant openedAt, Instant raisedAt, String explanation) {

    public static final Instant T0 = Instant.parse("2022-02-03T10:00:00Z");

    public static ACase aCase() {
        String id = UUID.randomUUID().toString();
        return new ACase("case-" + id, "subject-" + id, Queue.REVIEWS, Severity.MEDIUM, HarmLevel.MEDIUM,
                "CURFEW_MISSED_FULL", T0, T0.plusSeconds(5), "3rd qualifying breach in 90 days -> review");
    }

    public ACase id(String value) {
        return new ACase(value, subjectId, queue, severity, harmLevel, trigger, openedAt, raisedAt, explanation);
    }

    public ACase subject(String value) {
        return new ACase(caseId, value, queue, severity, harmLevel, trigger, openedAt, raisedAt, explanation);
    }

    public ACase in(Queue value) {
        return new ACase(caseId, subjectId, value, severity, harmLevel, trigger, openedAt, raisedAt, explanation);
    }

    public ACase severity(Severity value) {
        return new ACase(caseId, subjectId, queue, value, harmLevel, trigger, openedAt, raisedAt, explanation);
    }

    public ACase harm(HarmLevel value) {
        return new ACase(caseId, subjectId, queue, severity, value, trigger, openedAt, raisedAt, explanation);
    }

    public ACase trigger(String value) {
        return new ACase(caseId, subjectId, queue, severity, harmLevel, value, openedAt, raisedAt, explanation);
    }

    public ACase openedAt(Instant value) {
        return new ACase(caseId, subjectId, queue, severity, harmLevel, trigger, value, raisedAt, explanation);
    }

    public ACase raisedAt(Instant value) {
        return new ACase(caseId, subjectId, queue, severity, harmLevel, trigger, openedAt, value, explanation);
    }

    public ACase explanation(String value) {
        return new ACase(caseId, subjectId, queue, severity, harmLevel, trigger, openedAt, raisedAt, value);
    }

    public BreachCase build() {
        CaseEvidence evidence = new CaseEvidence(List.of("n-1", "n-2"),
                List.of(new CaseEvidence.Period("ep-1", openedAt.minusSeconds(3600), openedAt, 3600)),
                3, List.of(new CaseEvidence.EarlierBreach("ABSENCE_15_MIN", openedAt.minusSeconds(86_400))));
        return new BreachCase(caseId, subjectId, queue, severity, trigger, "policy-2022.1", "ladder.review",
                evidence, openedAt, raisedAt, harmLevel, explanation);
    }

    public CaseWithdrawal withdrawal(String reason) {
        return new CaseWithdrawal(caseId, subjectId, reason, null, "policy-2022.1", raisedAt.plusSeconds(60));
    }
}
