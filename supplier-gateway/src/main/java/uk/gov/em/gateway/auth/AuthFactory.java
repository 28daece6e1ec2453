package uk.gov.em.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.gateway.auth.domain.RequestAuthenticator;
import uk.gov.em.gateway.auth.domain.SupplierSecrets;

import java.time.Duration;

/**
 * Builds the authenticator from configuration at start-up, so a malformed {@code EM_SUPPLIER_SECRETS}
 * stops the service instead of refusing suppliers later. Logs supplier ids, never secrets.
 */
@Factory
public class AuthFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AuthFactory.class);

    @Context
    public SupplierSecrets supplierSecrets(AuthProperties properties) {
        return SupplierSecrets.parse(properties.secrets());
    }

    @Context
    public RequestAuthenticator requestAuthenticator(SupplierSecrets secrets, AuthProperties properties) {
        if (secrets.suppliers().isEmpty()) {
            LOG.warn("No supplier secrets configured (EM_SUPPLIER_SECRETS): every request will be refused with 401");
        } else {
            LOG.info("Suppliers allowed to post: {}; replay window {} s", secrets.suppliers(),
                    properties.replayWindowSeconds());
        }
        return new RequestAuthenticator(secrets, Duration.ofSeconds(properties.replayWindowSeconds()));
    }
}
