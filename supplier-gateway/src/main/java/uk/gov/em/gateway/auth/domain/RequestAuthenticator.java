package uk.gov.em.gateway.auth.domain;

import uk.gov.em.contracts.SupplierSignature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a supplier request (docs/api/supplier-api.md, "Authentication"): the supplier must be known, the
 * signature must be the HMAC of {@code <timestamp>.<raw body>} under one of its secrets, and the timestamp
 * must lie within the replay window of the server clock, either side.
 *
 * <p>An unknown supplier and a wrong signature get the same answer, and a signature is computed for
 * both, so a caller cannot probe which supplier ids exist.
 */
public final class RequestAuthenticator {

    private static final List<String> DECOY_SECRET = List.of("decoy-secret-for-unknown-suppliers");

    private final SupplierSecrets secrets;
    private final Duration replayWindow;

    public RequestAuthenticator(SupplierSecrets secrets, Duration replayWindow) {
        if (replayWindow.isNegative()) {
            throw new IllegalArgumentException("the replay window must not be negative");
        }
        this.secrets = secrets;
        this.replayWindow = replayWindow;
    }

    public AuthDecision authenticate(SignedRequest request, Instant now) {
        if (isBlank(request.supplier()) || isBlank(request.timestamp()) || isBlank(request.signature())) {
            return new AuthDecision.Rejected(AuthDecision.Reason.MISSING_HEADER,
                    "the headers " + SupplierSignature.HEADER_SUPPLIER + ", " + SupplierSignature.HEADER_TIMESTAMP
                            + " and " + SupplierSignature.HEADER_SIGNATURE + " are all required");
        }
        Optional<Long> timestamp = unixSeconds(request.timestamp());
        if (timestamp.isEmpty()) {
            return new AuthDecision.Rejected(AuthDecision.Reason.BAD_TIMESTAMP,
                    SupplierSignature.HEADER_TIMESTAMP + " must be Unix time in whole seconds");
        }
        Optional<List<String>> known = secrets.secretsOf(request.supplier());
        boolean signed = SupplierSignature.verify(request.signature(), timestamp.get(), request.body(),
                known.orElse(DECOY_SECRET));
        if (known.isEmpty() || !signed) {
            return new AuthDecision.Rejected(AuthDecision.Reason.BAD_SIGNATURE,
                    "unknown supplier or wrong signature");
        }
        if (!withinWindow(timestamp.get(), now)) {
            return new AuthDecision.Rejected(AuthDecision.Reason.STALE_TIMESTAMP,
                    SupplierSignature.HEADER_TIMESTAMP + " is more than " + replayWindow.toSeconds()
                            + " s from the server clock");
        }
        return new AuthDecision.Authenticated(request.supplier());
    }

    private boolean withinWindow(long timestamp, Instant now) {
        long skew = Math.abs(Math.subtractExact(now.getEpochSecond(), timestamp));
        return skew <= replayWindow.toSeconds();
    }

    private static Optional<Long> unixSeconds(String header) {
        String s = header.strip();
        // bounded length keeps the later subtraction from overflowing
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
