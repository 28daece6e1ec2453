package uk.gov.em.hub.cases.ingest;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.CaseWithdrawal;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;
import java.util.List;

/**
 * Applies one polled batch of case events to PostgreSQL in one transaction, in record order. A raised
 * case is inserted unless its id is already stored (so a redelivery changes nothing); a withdrawal marks
 * the case WITHDRAWN unless it is already withdrawn or closed.
 */
@Singleton
public class CaseEventWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CaseEventWriter.class);

    private final CaseRepository cases;
    private final Clock clock;

    public CaseEventWriter(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** What one batch did, for metrics and logs. */
    public record Tally(int raised, int duplicates, int withdrawn, int withdrawalsIgnored) {
    }

    @Transactional
    public Tally write(List<CaseEvent> events) {
        int raised = 0;
        int duplicates = 0;
        int withdrawn = 0;
        int ignored = 0;
        try (CaseRepository.Writer writer = cases.writer()) {
            for (CaseEvent event : events) {
                switch (event) {
                    case BreachCase c -> {
                        if (writer.insertIfAbsent(c, clock.instant())) {
                            raised++;
                        } else {
                            duplicates++;
                        }
                    }
                    case CaseWithdrawal w -> {
                        if (writer.withdraw(w, clock.instant())) {
                            withdrawn++;
                        } else {
                            ignored++;
                            LOG.info("Withdrawal of case {} changed nothing: unknown, already withdrawn or closed",
                                    w.caseId());
                        }
                    }
                }
            }
        }
        return new Tally(raised, duplicates, withdrawn, ignored);
    }
}
