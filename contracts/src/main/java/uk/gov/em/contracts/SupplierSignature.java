package uk.gov.em.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of the supplier API: {@code v1=} + lower-case hex of
 * HMAC-SHA256(secret, {@code <timestamp>.<raw body>}). A header may carry several comma-separated
 * {@code v1=} values while a supplier rotates its key.
 */
public final class SupplierSignature {

    public static final String HEADER_SUPPLIER = "X-EM-Supplier";
    public static final String HEADER_TIMESTAMP = "X-EM-Timestamp";
    public static final String HEADER_SIGNATURE = "X-EM-Signature";

    private static final String SCHEME = "v1=";
    private static final String ALGORITHM = "HmacSHA256";

    private SupplierSignature() {
    }

    /** The header value a supplier holding {@code secret} sends for this timestamp and body. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * True when any {@code v1=} value in the header is the signature of this timestamp and body under any
     * of the secrets. Every candidate is compared in constant time.
     */
    public static boolean verify(String header, long timestamp, byte[] body, List<String> secrets) {
        if (header == null || secrets.isEmpty()) {
            return false;
        }
        List<byte[]> presented = Arrays.stream(header.split(","))
                .map(String::strip)
                .map(SupplierSignature::decode)
                .flatMap(Optional::stream)
                .toList();
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = mac(secret, timestamp, body);
            for (byte[] candidate : presented) {
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched;
    }

    private static Optional<byte[]> decode(String value) {
        if (!value.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String hex = value.substring(SCHEME.length());
        if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(hex));
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
