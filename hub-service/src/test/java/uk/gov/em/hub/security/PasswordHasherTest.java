package uk.gov.em.hub.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsAnArgon2idPhcStringThatMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct hors", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("pw")).isNotEqualTo(hasher.hash("pw"));
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(hasher.matches("pw", "not-a-hash")).isFalse();
        assertThat(hasher.matchesNothing("pw")).isFalse();
    }
}
