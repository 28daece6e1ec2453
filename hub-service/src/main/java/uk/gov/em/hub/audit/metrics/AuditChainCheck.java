package uk.gov.em.hub.audit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.hub.audit.checkpoint.AuditCheckpoints;
import uk.gov.em.hub.audit.domain.AuditChain;
import uk.gov.em.hub.audit.persistence.AuditRepository;

/**
 * Verifies the hash-chained audit trail on a schedule, as {@code GET /api/v1/audit/verify} does on demand,
 * so a broken chain raises an alert instead of waiting for someone to ask:
 * {@code em_hub_audit_chain_broken} is 1 when the last verification found a break, 0 when it found none
 * (NaN until the first one has run), and {@code em_hub_audit_chain_rows} the rows it checked.
 */
@Context
public class AuditChainCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainCheck.class);

    private final AuditRepository audit;
    private final AuditCheckpoints checkpoints;
    private volatile AuditChain.Report last;

    public AuditChainCheck(AuditRepository audit, AuditCheckpoints checkpoints, MeterRegistry registry) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        Gauge.builder("em.hub.audit.chain.broken", this,
                        c -> c.last == null ? Double.NaN : c.last.ok() ? 0 : 1)
                .description("1 when the last verification of the audit trail's hash chain found a break, else 0")
                .register(registry);
        Gauge.builder("em.hub.audit.chain.rows", this, c -> c.last == null ? Double.NaN : c.last.rowsChecked())
                .description("Audit trail rows checked by the last verification of the hash chain")
                .register(registry);
    }

    @Scheduled(fixedDelay = "${hub.metrics.audit-verify-interval:10m}", initialDelay = "5s")
    void verify() {
        try {
            // as GET /api/v1/audit/verify does: the published checkpoint first, then the chain up to it and beyond
            AuditChain.Report report = audit.verify(checkpoints.latest());
            if (!report.ok()) {
                LOG.error("The audit trail's hash chain is broken at seq {}: {}", report.firstBrokenSeq(), report.problem());
            }
            last = report;
        } catch (RuntimeException e) {
            LOG.warn("Cannot verify the audit trail: {}", e.getMessage());
        }
    }
}
