package uk.gov.em.streams.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex SHA-256, the one hash behind content fingerprints and deterministic case ids. */
public final class Sha256 {

    /** One digest per thread: looking the algorithm up for every notification showed in the profile. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        // digest() resets the digest for the next use
        return HexFormat.of().formatHex(DIGEST.get().digest(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
