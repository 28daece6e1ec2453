package uk.gov.em.gateway.auth.domain;

import uk.gov.em.contracts.SecretStrength;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signing secrets of every known supplier, read from one configuration string
 * {@code supplierA=secret1|secret2,supplierB=secret3}. Several secrets per supplier let a supplier rotate
 * its key without downtime. Every secret must be at least 32 bytes and not an example's placeholder
 * ({@link SecretStrength}). Neither {@link #toString()} nor any error message ever contains a secret.
 */
public final class SupplierSecrets {

    private final Map<String, List<String>> bySupplier;

    private SupplierSecrets(Map<String, List<String>> bySupplier) {
        this.bySupplier = Map.copyOf(bySupplier);
    }

    /** No supplier at all: every request is unauthenticated. */
    public static SupplierSecrets none() {
        return new SupplierSecrets(Map.of());
    }

    /**
     * Parses {@code supplier=secret|secret,...}; blank means no supplier. Whitespace around names and
     * secrets is ignored.
     *
     * @throws IllegalArgumentException naming the faulty entry by position and supplier, never by secret
     */
    public static SupplierSecrets parse(String config) {
        if (config == null || config.isBlank()) {
            return none();
        }
        Map<String, List<String>> bySupplier = new LinkedHashMap<>();
        String[] entries = config.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int position = i + 1;
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("supplier secrets entry " + position
                        + " has no '=': expected supplier=secret|secret");
            }
            String supplier = entry.substring(0, eq).strip();
            if (!isSupplierId(supplier)) {
                throw new IllegalArgumentException("supplier secrets entry " + position
                        + " has no valid supplier id (1-64 of A-Z a-z 0-9 . _ : -)");
            }
            if (bySupplier.containsKey(supplier)) {
                throw new IllegalArgumentException("supplier '" + supplier + "' is listed twice in the supplier secrets");
            }
            List<String> secrets = new ArrayList<>();
            for (String secret : entry.substring(eq + 1).split("\\|", -1)) {
                if (secret.isBlank()) {
                    throw new IllegalArgumentException("supplier '" + supplier + "' has an empty secret");
                }
                Optional<String> weak = SecretStrength.problem("a secret of supplier '" + supplier + "'", secret);
                if (weak.isPresent()) {
                    throw new IllegalArgumentException(weak.get());
                }
                secrets.add(secret.strip());
            }
            bySupplier.put(supplier, List.copyOf(secrets));
        }
        return new SupplierSecrets(bySupplier);
    }

    /** The secrets a request from this supplier may be signed with; empty for an unknown supplier. */
    public Optional<List<String>> secretsOf(String supplier) {
        return Optional.ofNullable(bySupplier.get(supplier));
    }

    /** The known supplier ids (safe to log). */
    public Set<String> suppliers() {
        return bySupplier.keySet();
    }

    @Override
    public String toString() {
        return "SupplierSecrets" + suppliers() + " (secrets redacted)";
    }

    private static boolean isSupplierId(String s) {
        return !s.isEmpty() && s.length() <= 64 && s.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '_' || c == ':' || c == '-');
    }
}
