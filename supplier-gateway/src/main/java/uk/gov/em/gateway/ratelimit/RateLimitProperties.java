package uk.gov.em.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Per-supplier rate limits, in notifications ({@code gateway.rate-limit.*}): the default sustained rate
 * ({@code EM_RATE_LIMIT_PER_SECOND}) and burst ({@code EM_RATE_LIMIT_BURST}) of every supplier, and
 * overrides {@code supplier=perSecond/burst,...} ({@code EM_RATE_LIMIT_OVERRIDES}).
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @Bindable(defaultValue = "200") long perSecond,
        @Bindable(defaultValue = "2000") long burst,
        @Bindable(defaultValue = "") String overrides) {
}
