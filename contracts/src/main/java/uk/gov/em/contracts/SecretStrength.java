package uk.gov.em.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a configured secret is fit to start a service with: HMAC-SHA256 keys and signing secrets of at
 * least 32 bytes, and never a placeholder copied from {@code deploy/k8s/secrets.example.yaml} (every value
 * there is written {@code <like this>}). The answer names the setting, never the value.
 */
public final class SecretStrength {

    /** 256 bits: what HMAC-SHA256 and HS256 need. */
    public static final int MIN_BYTES = 32;

    private SecretStrength() {
    }

    /** Why {@code value}, configured as {@code setting}, must not be used; empty when it may. */
    public static Optional<String> problem(String setting, String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(setting + " is not set");
        }
        String v = value.strip();
        if (v.contains("<") && v.contains(">")) {
            return Optional.of(setting + " still holds the example's placeholder: set a real secret");
        }
        if (v.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return Optional.of(setting + " must be at least " + MIN_BYTES + " bytes long");
        }
        return Optional.empty();
    }
}
