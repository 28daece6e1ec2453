package uk.gov.em.hub.security.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void anAccountIsLockedUntilTheReleaseInstantAndNoLonger() {
        Lockout lockout = new Lockout(10, Duration.ofMinutes(15));
        Instant release = lockout.releaseAt(NOW);

        assertThat(Lockout.isLocked(release, NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(Lockout.isLocked(release, NOW.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(Lockout.isLocked(null, NOW)).isFalse();
    }
}
