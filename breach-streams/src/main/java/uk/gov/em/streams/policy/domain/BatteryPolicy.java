package uk.gov.em.streams.policy.domain;

import java.time.Duration;

/**
 * The thresholds of the battery and out-of-contact rules (docs/policy.md §3, §4).
 *
 * @param accumulationThreshold battery time out of contact that raises an accumulated battery violation (12 h)
 * @param accumulationWindow    the rolling window it must accumulate in (7 days)
 * @param outOfContactLimit     how long an episode may stay open before {@code OUT_OF_CONTACT_7_DAYS} (168 h)
 * @param latenessHorizon       how late data may arrive and still be applied (30 days)
 */
public record BatteryPolicy(
        Duration accumulationThreshold,
        Duration accumulationWindow,
        Duration outOfContactLimit,
        Duration latenessHorizon) {
}
