package uk.gov.em.streams.policy.domain;

import java.time.Duration;

/**
 * How long a notification's identity is remembered for de-duplication (docs/policy.md §1). A copy
 * arriving after the horizon is treated as new; its case keeps the same deterministic id, so the hub
 * still sees no twin.
 */
public record DeduplicationPolicy(Duration horizon) {
}
