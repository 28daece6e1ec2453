package uk.gov.em.gateway.auth.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.em.contracts.SupplierSignature;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final long TS = NOW.getEpochSecond();
    private static final byte[] BODY = "{\"notificationId\":\"EMS-1\"}".getBytes(StandardCharsets.UTF_8);

    private final RequestAuthenticator authenticator = new RequestAuthenticator(
            SupplierSecrets.parse("ems=old-secret-0123456789abcdef0123456789|new-secret-0123456789abcdef0123456789,other=other-secret-0123456789abcdef0123456789"), Duration.ofSeconds(300));

    @Test
    void authenticatesARequestSignedWithTheSuppliersSecret() {
        AuthDecision decision = authenticate("ems", TS, SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY), BODY);

        assertThat(decision).isEqualTo(new AuthDecision.Authenticated("ems"));
    }

    @Test
    void acceptsAnyOfASuppliersSecretsDuringKeyRotation() {
        assertThat(authenticate("ems", TS, SupplierSignature.sign("old-secret-0123456789abcdef0123456789", TS, BODY), BODY))
                .isInstanceOf(AuthDecision.Authenticated.class);
    }

    @Test
    void acceptsAHeaderCarryingSeveralSignaturesWhenOneMatches() {
        String header = "v1=" + "0".repeat(64) + ", " + SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY);

        assertThat(authenticate("ems", TS, header, BODY)).isInstanceOf(AuthDecision.Authenticated.class);
    }

    @Test
    void refusesASignatureMadeWithAnotherSuppliersSecret() {
        assertThat(reason(authenticate("ems", TS, SupplierSignature.sign("other-secret-0123456789abcdef0123456789", TS, BODY), BODY)))
                .isEqualTo(AuthDecision.Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAnUnknownSupplierWithTheSameAnswerAsAWrongSignature() {
        AuthDecision unknown = authenticate("nobody", TS, SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY), BODY);
        AuthDecision wrong = authenticate("ems", TS, SupplierSignature.sign("guess", TS, BODY), BODY);

        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        byte[] tampered = "{\"notificationId\":\"EMS-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(reason(authenticate("ems", TS, SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY), tampered)))
                .isEqualTo(AuthDecision.Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesASignatureReplayedWithAnotherTimestamp() {
        String signedEarlier = SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS - 10, BODY);

        assertThat(reason(authenticate("ems", TS, signedEarlier, BODY))).isEqualTo(AuthDecision.Reason.BAD_SIGNATURE);
    }

    @Test
    void acceptsATimestampExactlyAtEitherEdgeOfTheReplayWindow() {
        for (long ts : new long[] {TS - 300, TS + 300}) {
            assertThat(authenticate("ems", ts, SupplierSignature.sign("new-secret-0123456789abcdef0123456789", ts, BODY), BODY))
                    .isInstanceOf(AuthDecision.Authenticated.class);
        }
    }

    @Test
    void refusesATimestampJustOutsideTheReplayWindowEitherSide() {
        for (long ts : new long[] {TS - 301, TS + 301}) {
            assertThat(reason(authenticate("ems", ts, SupplierSignature.sign("new-secret-0123456789abcdef0123456789", ts, BODY), BODY)))
                    .isEqualTo(AuthDecision.Reason.STALE_TIMESTAMP);
        }
    }

    @Test
    void honoursAConfiguredReplayWindow() {
        RequestAuthenticator strict = new RequestAuthenticator(SupplierSecrets.parse("ems=new-secret-0123456789abcdef0123456789"), Duration.ofSeconds(30));
        long ts = TS - 31;

        assertThat(reason(strict.authenticate(new SignedRequest("ems", Long.toString(ts),
                SupplierSignature.sign("new-secret-0123456789abcdef0123456789", ts, BODY), BODY), NOW))).isEqualTo(AuthDecision.Reason.STALE_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12.5", "-1700000000", "1e9", "now", "9999999999999999999999"})
    void refusesATimestampThatIsNotUnixSeconds(String timestamp) {
        AuthDecision decision = authenticator.authenticate(new SignedRequest("ems", timestamp,
                SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY), BODY), NOW);

        assertThat(reason(decision)).isIn(AuthDecision.Reason.BAD_TIMESTAMP, AuthDecision.Reason.MISSING_HEADER);
    }

    @Test
    void refusesARequestMissingAnyOfTheThreeHeaders() {
        String signature = SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY);
        String ts = Long.toString(TS);

        assertThat(reason(authenticator.authenticate(new SignedRequest(null, ts, signature, BODY), NOW)))
                .isEqualTo(AuthDecision.Reason.MISSING_HEADER);
        assertThat(reason(authenticator.authenticate(new SignedRequest("ems", null, signature, BODY), NOW)))
                .isEqualTo(AuthDecision.Reason.MISSING_HEADER);
        assertThat(reason(authenticator.authenticate(new SignedRequest("ems", ts, null, BODY), NOW)))
                .isEqualTo(AuthDecision.Reason.MISSING_HEADER);
    }

    @Test
    void refusesEveryRequestWhenNoSupplierIsConfigured() {
        RequestAuthenticator none = new RequestAuthenticator(SupplierSecrets.none(), Duration.ofSeconds(300));

        assertThat(none.authenticate(new SignedRequest("ems", Long.toString(TS),
                SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY), BODY), NOW)).isInstanceOf(AuthDecision.Rejected.class);
    }

    @Test
    void refusesASignatureInAnotherScheme() {
        String v2 = SupplierSignature.sign("new-secret-0123456789abcdef0123456789", TS, BODY).replace("v1=", "v2=");

        assertThat(reason(authenticate("ems", TS, v2, BODY))).isEqualTo(AuthDecision.Reason.BAD_SIGNATURE);
    }

    private AuthDecision authenticate(String supplier, long timestamp, String signature, byte[] body) {
        return authenticator.authenticate(new SignedRequest(supplier, Long.toString(timestamp), signature, body), NOW);
    }

    private static AuthDecision.Reason reason(AuthDecision decision) {
        assertThat(decision).isInstanceOf(AuthDecision.Rejected.class);
        return ((AuthDecision.Rejected) decision).reason();
    }
}
