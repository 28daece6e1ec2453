package uk.gov.em.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierSignatureTest {

    private static final byte[] BODY = "{\"notificationId\":\"EMS-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long TS = 1_700_000_000L;

    @Test
    void signsWithHmacSha256OverTimestampDotBody() {
        // Expected value computed independently: printf '1700000000.{"notificationId":"EMS-1"}' |
        //   openssl dgst -sha256 -hmac secret
        assertThat(SupplierSignature.sign("secret", TS, BODY))
                .isEqualTo("v1=24912d74977cc4efd61c3016370b7c59f815a0159563fbff8ae690c513640fe2");
    }

    @Test
    void acceptsAnyOfSeveralValuesDuringKeyRotation() {
        String header = SupplierSignature.sign("old", TS, BODY) + ", " + SupplierSignature.sign("new", TS, BODY);
        assertThat(SupplierSignature.verify(header, TS, BODY, List.of("new"))).isTrue();
        assertThat(SupplierSignature.verify(header, TS, BODY, List.of("old"))).isTrue();
        assertThat(SupplierSignature.verify(header, TS, BODY, List.of("other"))).isFalse();
    }

    @Test
    void refusesATamperedBodyAnotherTimestampOrAMalformedHeader() {
        String header = SupplierSignature.sign("secret", TS, BODY);
        byte[] tampered = "{\"notificationId\":\"EMS-2\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(SupplierSignature.verify(header, TS, tampered, List.of("secret"))).isFalse();
        assertThat(SupplierSignature.verify(header, TS + 1, BODY, List.of("secret"))).isFalse();
        assertThat(SupplierSignature.verify(header.toUpperCase(), TS, BODY, List.of("secret"))).isFalse();
        assertThat(SupplierSignature.verify(header.substring(3), TS, BODY, List.of("secret"))).isFalse();
        assertThat(SupplierSignature.verify(null, TS, BODY, List.of("secret"))).isFalse();
        assertThat(SupplierSignature.verify(header, TS, BODY, List.of())).isFalse();
    }
}
