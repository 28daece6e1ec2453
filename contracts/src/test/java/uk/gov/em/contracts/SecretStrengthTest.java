package uk.gov.em.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretStrengthTest {

    @Test
    void refusesTheExampleFilesPlaceholdersEvenWhenTheyAreLongEnough() {
        assertThat(SecretStrength.problem("EM_JWT_SECRET",
                "<at least 32 random bytes, or configure the identity provider's JWKS instead>"))
                .hasValueSatisfying(p -> assertThat(p).contains("EM_JWT_SECRET").contains("placeholder"));
        assertThat(SecretStrength.problem("EM_SUPPLIER_SECRETS", "<current-secret>")).isPresent();
    }

    @Test
    void refusesASecretShorterThan32BytesWithoutQuotingIt() {
        assertThat(SecretStrength.problem("supplier ems", "short-secret"))
                .hasValueSatisfying(p -> assertThat(p).contains("32 bytes").doesNotContain("short-secret"));
        assertThat(SecretStrength.problem("x", "")).isPresent();
    }

    @Test
    void acceptsThirtyTwoBytesOrMore() {
        assertThat(SecretStrength.problem("x", "a".repeat(32))).isEmpty();
    }
}
