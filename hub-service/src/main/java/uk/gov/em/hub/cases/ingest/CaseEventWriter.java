package uk.gov.em.hub.cases.ingest;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one polled batch of case events to PostgreSQL in one transaction, in record order, with an
 * audit row for every change. A raised case is inserted unless its id is already stored (so a
 * redelivery changes nothing and audits nothing); a withdrawal withdraws a case nobody has started on,
 * and flags one already being worked to its assignee instead of pulling it from under them.
 */
@Singleton
public class CaseEventWriter {

    /** Who the audit trail says made ingest changes. */
    public static final String ACTOR = AuditEntry.SYSTEM + ":breach-streams";

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventWriter.class);

    private final CaseRepository cases;
    private final AuditRepository audit;
    private final Clock clock;

    public CaseEventWriter(CaseRepository cases, AuditRepository audit, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What one batch did, for metrics and logs.
     *
     * @param ingestLags for each new case, raisedAt to stored
     */
    public record Tally(int raised, int duplicates, int withdrawn, int withdrawalsIgnored, List<Duration> ingestLags) {

        public static final Tally NONE = new Tally(0, 0, 0, 0, List.of());

        /** What two runs of events did together. */
        public Tally plus(Tally other) {
            List<Duration> lags = new ArrayList<>(ingestLags);
            lags.addAll(other.ingestLags);
            return new Tally(raised + other.raised, duplicates + other.duplicates, withdrawn + other.withdrawn,
                    withdrawalsIgnored + other.withdrawalsIgnored, List.copyOf(lags));
        }
    }

    @Transactional
    public Tally write(List<CaseEvent> events) {
        Run run = new Run();
        try (CaseRepository.Writer writer = cases.writer()) {
            List<BreachCase> raised = new ArrayList<>();
            for (CaseEvent event : events) {
                switch (event) {
                    case BreachCase c -> raised.add(c);
                    case CaseWithdrawal w -> {
                        // a withdrawal may follow its own case in the same poll: store the raises first
                        run.raise(writer, raised);
                        run.withdraw(writer, w);
                    }
                }
            }
            run.raise(writer, raised);
        }
        audit.append(run.entries);
        return new Tally(run.lags.size(), run.duplicates, run.withdrawn, run.ignored, List.copyOf(run.lags));
    }

    /** What one batch has done so far. */
    private final class Run {

        private final List<Duration> lags = new ArrayList<>();
        private final List<AuditEntry> entries = new ArrayList<>();
        private int duplicates;
        private int withdrawn;
        private int ignored;

        void raise(CaseRepository.Writer writer, List<BreachCase> raised) {
            if (raised.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            boolean[] fresh = writer.insertAllIfAbsent(raised, now);
            for (int i = 0; i < fresh.length; i++) {
                BreachCase c = raised.get(i);
                if (fresh[i]) {
                    lags.add(Duration.between(c.raisedAt(), now));
                    entries.add(new AuditEntry(now, ACTOR, "CASE_RAISED", c.caseId(), c.subjectId(),
                            AuditDetail.of("queue", c.queue().path(), "severity", c.severity().name(),
                                    "trigger", c.trigger(), "ruleId", c.ruleId())));
                } else {
                    duplicates++;
                }
            }
            raised.clear();
        }

        void withdraw(CaseRepository.Writer writer, CaseWithdrawal w) {
            Instant now = clock.instant();
            Optional<CaseRepository.WithdrawalResult> result = writer.withdraw(w, now);
            if (result.isPresent()) {
                withdrawn++;
                entries.add(new AuditEntry(now, ACTOR,
                        result.get().flagged() ? "CASE_WITHDRAWAL_FLAGGED" : "CASE_WITHDRAWN",
                        w.caseId(), w.subjectId(), AuditDetail.of("reason", w.reason(), "replacedBy", w.replacedBy())));
            } else {
                ignored++;
                LOG.info("Withdrawal of case {} changed nothing: unknown, already withdrawn or closed", w.caseId());
            }
        }
    }
}
