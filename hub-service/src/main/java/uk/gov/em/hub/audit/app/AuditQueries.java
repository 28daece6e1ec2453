package uk.gov.em.hub.audit.app;

import jakarta.inject.Singleton;
import uk.gov.em.hub.audit.checkpoint.AuditCheckpoints;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.audit.persistence.AuditRepository;

/**
 * Reads the audit trail: checks its keyed hash chain end to end, and that it still reaches the head last
 * published to {@code em.audit-checkpoints}.
 */
@Singleton
public class AuditQueries {

    private final AuditRepository audit;
    private final AuditCheckpoints checkpoints;

    public AuditQueries(AuditRepository audit, AuditCheckpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    /** The chain checked against the latest published checkpoint, and every case against its trail. */
    public AuditChain.Report verify() {
        // the checkpoint first: rows appended meanwhile only lengthen the chain past it
        return audit.verify(checkpoints.latest());
    }
}
