package uk.gov.em.gateway.ratelimit.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    private static final RateLimit DEFAULTS = new RateLimit(200, 2000);

    @Test
    void givesAnOverriddenSupplierItsOwnLimitAndEveryOtherTheDefault() {
        RateLimits limits = RateLimits.parse(DEFAULTS, "ems-dev=1000/10000, other = 5 / 50");

        assertThat(limits.of("ems-dev")).isEqualTo(new RateLimit(1000, 10000));
        assertThat(limits.of("other")).isEqualTo(new RateLimit(5, 50));
        assertThat(limits.of("ems")).isEqualTo(DEFAULTS);
    }

    @Test
    void hasNoOverridesWhenNoneAreConfigured() {
        assertThat(RateLimits.parse(DEFAULTS, " ").overrides()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ems", "ems=10", "ems=10/x", "ems=0/10", "ems=10/-1", "ems=1/2,", "ems=1:2"})
    void refusesAMalformedOverride(String overrides) {
        assertThatThrownBy(() -> RateLimits.parse(DEFAULTS, overrides)).isInstanceOf(IllegalArgumentException.class);
    }
}
