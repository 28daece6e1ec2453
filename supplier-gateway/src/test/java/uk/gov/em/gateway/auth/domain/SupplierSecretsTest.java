package uk.gov.em.gateway.auth.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierSecretsTest {

    /** Secrets long enough to be accepted: 32 bytes or more. */
    private static final String A = "secret-a-0123456789abcdef01234567";
    private static final String B = "secret-b-0123456789abcdef01234567";
    private static final String C = "secret-c-0123456789abcdef01234567";

    @Test
    void readsSeveralSuppliersEachWithOneOrMoreSecrets() {
        SupplierSecrets secrets = SupplierSecrets.parse("supplierA=" + A + "|" + B + ",supplierB=" + C);

        assertThat(secrets.suppliers()).containsExactlyInAnyOrder("supplierA", "supplierB");
        assertThat(secrets.secretsOf("supplierA")).contains(List.of(A, B));
        assertThat(secrets.secretsOf("supplierB")).contains(List.of(C));
    }

    @Test
    void ignoresWhitespaceAroundNamesAndSecrets() {
        SupplierSecrets secrets = SupplierSecrets.parse(" ems-dev = " + A + " | " + B + " , other=" + C + " ");

        assertThat(secrets.secretsOf("ems-dev")).contains(List.of(A, B));
        assertThat(secrets.secretsOf("other")).contains(List.of(C));
    }

    @Test
    void keepsAnEqualsSignInsideASecret() {
        assertThat(SupplierSecrets.parse("ems=abc=" + A).secretsOf("ems")).contains(List.of("abc=" + A));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void knowsNoSupplierWhenNothingIsConfigured(String config) {
        assertThat(SupplierSecrets.parse(config).suppliers()).isEmpty();
    }

    @Test
    void knowsNothingOfAnUnknownSupplier() {
        assertThat(SupplierSecrets.parse("ems=" + A).secretsOf("EMS")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ems", "=secret", "ems=", "ems=a||b", "ems=a,", "bad name=secret", "ems=a,ems=b"})
    void refusesAMalformedConfiguration(String config) {
        assertThatThrownBy(() -> SupplierSecrets.parse(config)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPutsASecretInAnErrorMessage() {
        assertThatThrownBy(() -> SupplierSecrets.parse("ems=" + A + ",ems=" + B))
                .message().doesNotContain(A).doesNotContain(B).contains("ems");
        assertThatThrownBy(() -> SupplierSecrets.parse("ems=topsecret"))
                .message().doesNotContain("topsecret").contains("ems");
        assertThatThrownBy(() -> SupplierSecrets.parse("topsecret"))
                .message().doesNotContain("topsecret");
    }

    @Test
    void neverPrintsASecret() {
        assertThat(SupplierSecrets.parse("ems=" + A + "|" + B).toString())
                .contains("ems").doesNotContain(A).doesNotContain(B);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ems=short-secret", "ems=<current-secret>|<next-secret-during-rotation>",
            "ems=<a placeholder long enough to pass the length rule>"})
    void refusesASecretShorterThan32BytesOrTheExamplesPlaceholder(String config) {
        assertThatThrownBy(() -> SupplierSecrets.parse(config)).isInstanceOf(IllegalArgumentException.class)
                .message().contains("ems");
    }
}
