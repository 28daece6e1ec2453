package uk.gov.em.hub.security.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final TokenBucket.Limit LIMIT = new TokenBucket.Limit(3, Duration.ofSeconds(10));
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void grantsTheBurstThenRefusesWithTheTimeUntilTheNextAttempt() {
        TokenBucket bucket = TokenBucket.full(LIMIT, T0);
        for (int i = 0; i < 3; i++) {
            bucket = ((TokenBucket.Granted) bucket.take(LIMIT, T0)).after();
        }
        TokenBucket.Take fourth = bucket.take(LIMIT, T0.plusSeconds(4));
        assertThat(fourth).isInstanceOfSatisfying(TokenBucket.Refused.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(6)));
    }

    @Test
    void refillsOneAttemptPerIntervalUpToTheBurst() {
        TokenBucket empty = new TokenBucket(0, T0);
        assertThat(empty.take(LIMIT, T0.plusSeconds(9))).isInstanceOf(TokenBucket.Refused.class);
        assertThat(empty.take(LIMIT, T0.plusSeconds(10))).isInstanceOf(TokenBucket.Granted.class);
        assertThat(empty.isFull(LIMIT, T0.plusSeconds(29))).isFalse();
        assertThat(empty.isFull(LIMIT, T0.plusSeconds(30))).isTrue();
    }

    @Test
    void aRefundNeverRaisesTheBucketAboveItsBurst() {
        assertThat(TokenBucket.full(LIMIT, T0).refund(LIMIT).tokens()).isEqualTo(3);
        assertThat(new TokenBucket(1, T0).refund(LIMIT).tokens()).isEqualTo(2);
    }
}
