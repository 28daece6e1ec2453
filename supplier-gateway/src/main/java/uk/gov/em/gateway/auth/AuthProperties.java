package uk.gov.em.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Supplier authentication settings: {@code gateway.auth.secrets} (from {@code EM_SUPPLIER_SECRETS},
 * {@code supplierA=secret1|secret2,supplierB=secret3}) and the replay window in seconds (from
 * {@code EM_REPLAY_WINDOW_SECONDS}).
 */
@ConfigurationProperties("gateway.auth")
public record AuthProperties(
        @Bindable(defaultValue = "") String secrets,
        @Bindable(defaultValue = "300") long replayWindowSeconds) {

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "AuthProperties[secrets=<redacted>, replayWindowSeconds=" + replayWindowSeconds + "]";
    }
}
