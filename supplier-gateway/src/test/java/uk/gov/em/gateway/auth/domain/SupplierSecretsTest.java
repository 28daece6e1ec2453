package uk.gov.em.gateway.auth.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupplierSecretsTest {

    @Test
    void readsSeveralSuppliersEachWithOneOrMoreSecrets() {
        SupplierSecrets secrets = SupplierSecrets.parse("supplierA=secret1|secret2,supplierB=secret3");

        assertThat(secrets.suppliers()).containsExactlyInAnyOrder("supplierA", "supplierB");
        assertThat(secrets.secretsOf("supplierA")).contains(List.of("secret1", "secret2"));
        assertThat(secrets.secretsOf("supplierB")).contains(List.of("secret3"));
    }

    @Test
    void ignoresWhitespaceAroundNamesAndSecrets() {
        SupplierSecrets secrets = SupplierSecrets.parse(" ems-dev = dev-secret-change-me | next , other=x ");

        assertThat(secrets.secretsOf("ems-dev")).contains(List.of("dev-secret-change-me", "next"));
        assertThat(secrets.secretsOf("other")).contains(List.of("x"));
    }

    @Test
    void keepsAnEqualsSignInsideASecret() {
        assertThat(SupplierSecrets.parse("ems=abc=def").secretsOf("ems")).contains(List.of("abc=def"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void knowsNoSupplierWhenNothingIsConfigured(String config) {
        assertThat(SupplierSecrets.parse(config).suppliers()).isEmpty();
    }

    @Test
    void knowsNothingOfAnUnknownSupplier() {
        assertThat(SupplierSecrets.parse("ems=s").secretsOf("EMS")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ems", "=secret", "ems=", "ems=a||b", "ems=a,", "bad name=secret", "ems=a,ems=b"})
    void refusesAMalformedConfiguration(String config) {
        assertThatThrownBy(() -> SupplierSecrets.parse(config)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPutsASecretInAnErrorMessage() {
        assertThatThrownBy(() -> SupplierSecrets.parse("ems=topsecret,ems=othersecret"))
                .message().doesNotContain("topsecret").doesNotContain("othersecret").contains("ems");
        assertThatThrownBy(() -> SupplierSecrets.parse("topsecret"))
                .message().doesNotContain("topsecret");
    }

    @Test
    void neverPrintsASecret() {
        assertThat(SupplierSecrets.parse("ems=topsecret|next").toString())
                .contains("ems").doesNotContain("topsecret").doesNotContain("next");
    }
}
