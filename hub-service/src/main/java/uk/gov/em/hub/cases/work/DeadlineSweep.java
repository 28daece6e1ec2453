package uk.gov.em.hub.cases.work;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.HubCase;
import uk.gov.em.hub.cases.domain.TimeTargets;
import uk.gov.em.hub.cases.persistence.CaseRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Brings cases back to their queue when nobody else will: a warning letter whose mitigation deadline
 * passed with no reply, and the unfinished cases of a person whose EM ended (flagged for closure). Each
 * case is flagged once, in its own transaction, with an audit row. It also gives a due date to cases
 * stored before time targets existed. Runs every {@code hub.targets.check-interval}.
 */
@Singleton
public class DeadlineSweep {

    /** Who the audit trail says flagged cases. */
    public static final String ACTOR = AuditEntry.SYSTEM + ":deadlines";

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweep.class);
    private static final int BATCH = 500;

    private final CaseRepository cases;
    private final CaseWork work;
    private final TimeTargets targets;
    private final Clock clock;

    public DeadlineSweep(CaseRepository cases, CaseWork work, TimeTargets targets, Clock clock) {
        this.cases = cases;
        this.work = work;
        this.targets = targets;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${hub.targets.check-interval:1m}", initialDelay = "3s")
    void tick() {
        try {
            int flagged = sweep();
            if (flagged > 0) {
                LOG.info("Flagged {} cases for attention", flagged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot sweep deadlines now; the next run will: {}", e.toString());
        }
    }

    /** Flags every case due a flag now and dates the undated; how many it flagged. */
    public int sweep() {
        backfillDueDates();
        int flagged = 0;
        for (String caseId : cases.mitigationLapsed(clock.instant(), BATCH)) {
            flagged += work.flag(caseId, Attention.NO_MITIGATION_BY_DEADLINE, ACTOR) ? 1 : 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String subjectId : cases.subjectsWithOpenCasesAfterEmEnd(today, BATCH)) {
            flagged += flagEmEnded(subjectId);
        }
        return flagged;
    }

    /** Flags the unfinished cases of a person whose EM ended; how many it flagged. */
    public int flagEmEnded(String subjectId) {
        int flagged = 0;
        for (String caseId : cases.openCasesToFlagForEmEnd(subjectId, BATCH)) {
            flagged += work.flag(caseId, Attention.EM_ENDED, ACTOR) ? 1 : 0;
        }
        return flagged;
    }

    private void backfillDueDates() {
        for (HubCase c : cases.withoutDueDate(BATCH)) {
            cases.setDue(c.caseId(), targets.dueAt(c, c.status(), c.statusChangedAt(), c.progress()),
                    targets.firstActionDue(c.queue(), c.raisedAt(), c.openedAt()));
        }
    }
}
