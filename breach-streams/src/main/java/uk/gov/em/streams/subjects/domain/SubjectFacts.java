package uk.gov.em.streams.subjects.domain;

import uk.gov.em.contracts.HarmLevel;
import uk.gov.em.contracts.Subject;

/**
 * What the policy needs from the subject register: the harm level (orders a queue) and the vulnerable flag
 * (never straight to prosecutions). A person not on the register is neither known harm nor vulnerable.
 */
public record SubjectFacts(HarmLevel harmLevel, boolean vulnerable) {

    public static final SubjectFacts UNKNOWN = new SubjectFacts(null, false);

    public static SubjectFacts of(Subject subject) {
        return subject == null ? UNKNOWN : new SubjectFacts(subject.harmLevel(), subject.vulnerable());
    }
}
