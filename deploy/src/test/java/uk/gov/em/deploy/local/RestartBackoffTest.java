package uk.gov.em.deploy.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackoffTest {

    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void aServiceThatKeepsDyingRightAfterItsRestartWaitsTwiceAsLongEachTimeUpToTheCap() {
        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(i -> backoff.afterExit(Duration.ofSeconds(2))).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aServiceThatRanForAMinuteSinceItsLastRestartIsStartedAgainAfterTheInitialDelay() {
        backoff.afterExit(Duration.ZERO);
        backoff.afterExit(Duration.ZERO);
        backoff.afterExit(Duration.ZERO);

        assertThat(backoff.afterExit(RestartBackoff.SETTLED)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.afterExit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
    }
}
