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
    }

    @Transactional
    public Tally write(List<CaseEvent> events) {
        int duplicates = 0;
        int withdrawn = 0;
        int ignored = 0;
        List<Duration> lags = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        try (CaseRepository.Writer writer = cases.writer()) {
            for (CaseEvent event : events) {
                Instant now = clock.instant();
                switch (event) {
                    case BreachCase c -> {
                        if (writer.insertIfAbsent(c, now)) {
                            lags.add(Duration.between(c.raisedAt(), now));
                            entries.add(new AuditEntry(now, ACTOR, "CASE_RAISED", c.caseId(), c.subjectId(),
                                    AuditDetail.of("queue", c.queue().path(), "severity", c.severity().name(),
                                            "trigger", c.trigger(), "ruleId", c.ruleId())));
                        } else {
                            duplicates++;
                        }
                    }
                    case CaseWithdrawal w -> {
                        Optional<CaseRepository.WithdrawalResult> result = writer.withdraw(w, now);
                        if (result.isPresent()) {
                            withdrawn++;
                            entries.add(new AuditEntry(now, ACTOR,
                                    result.get().flagged() ? "CASE_WITHDRAWAL_FLAGGED" : "CASE_WITHDRAWN",
                                    w.caseId(), w.subjectId(), AuditDetail.of("reason", w.reason(),
                                            "replacedBy", w.replacedBy())));
                        } else {
                            ignored++;
                            LOG.info("Withdrawal of case {} changed nothing: unknown, already withdrawn or closed",
                                    w.caseId());
                        }
                    }
                }
            }
        }
        audit.append(entries);
        return new Tally(lags.size(), duplicates, withdrawn, ignored, List.copyOf(lags));
    }
}
