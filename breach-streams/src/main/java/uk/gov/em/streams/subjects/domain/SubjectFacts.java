package uk.gov.em.streams.subjects.domain;

import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the policy needs from the subject register: the harm level (orders a queue), the vulnerable flag
 * (never straight to prosecutions), and when electronic monitoring ended, if it has: from the start of the
 * EM end date (UTC) the person is no longer monitored, so no battery or out-of-contact case is raised for a
 * trigger at or after it (the hub flags the person's open cases for closure from the same day). A person not
 * on the register is neither known harm nor vulnerable, and monitored.
 *
 * @param monitoringEndedAt the start of the EM end date, or {@code null} while monitoring goes on
 */
public record SubjectFacts(HarmLevel harmLevel, boolean vulnerable, Instant monitoringEndedAt) {

    public static final SubjectFacts UNKNOWN = new SubjectFacts(null, false, null);

    public SubjectFacts(HarmLevel harmLevel, boolean vulnerable) {
        this(harmLevel, vulnerable, null);
    }

    public static SubjectFacts of(Subject subject) {
        if (subject == null) {
            return UNKNOWN;
        }
        Instant ended = subject.emEndDate() == null ? null : subject.emEndDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new SubjectFacts(subject.harmLevel(), subject.vulnerable(), ended);
    }

    /** True while the person was on electronic monitoring at {@code instant}. */
    public boolean monitoredAt(Instant instant) {
        return monitoringEndedAt == null || instant.isBefore(monitoringEndedAt);
    }
}
