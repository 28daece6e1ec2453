package uk.gov.em.hub.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import uk.gov.em.contracts.SecretStrength;
import uk.gov.em.hub.audit.domain.AuditChain;

import java.nio.charset.StandardCharsets;

/**
 * The audit chain's key ({@code hub.audit.key}, from {@code EM_AUDIT_KEY}): at least 32 bytes, no default,
 * and never stored in the database, so whoever owns the database cannot recompute a rewritten chain. Checked
 * as the service starts, so a missing key stops it at once rather than at the first audited change.
 */
@Factory
class AuditKeyFactory {

    @Context
    AuditChain auditChain(@Value("${hub.audit.key:}") String key) {
        SecretStrength.problem("EM_AUDIT_KEY", key).ifPresent(problem -> {
            throw new ConfigurationException(problem + " (random bytes, kept outside the database)");
        });
        return new AuditChain(key.getBytes(StandardCharsets.UTF_8));
    }
}
