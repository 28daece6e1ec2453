package uk.gov.em.hub.cases.domain;

import java.time.Instant;

/**
 * Why and when breach-streams withdrew a case, and the case raised in its place if the correction moved
 * the violation rather than removing it.
 */
public record Withdrawal(String reason, Instant withdrawnAt, String replacedBy, String policyVersion) {
}
