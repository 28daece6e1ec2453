package uk.gov.em.hub.subjects;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.work.DeadlineSweep;
import uk.gov.em.hub.subjects.domain.SubjectNotFound;
import uk.gov.em.hub.subjects.domain.SubjectRegistration;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;

/**
 * Changes the subject register: the row, its outbox entry for em.subjects and its audit row commit
 * together; {@link uk.gov.em.hub.subjects.publish.SubjectOutboxPublisher} then publishes it within moments.
 * An EM end date that has come flags the person's unfinished cases for closure in the same transaction.
 */
@Singleton
public class SubjectRegister {

    private final SubjectRepository subjects;
    private final AuditRepository audit;
    private final DeadlineSweep deadlines;
    private final Clock clock;

    public SubjectRegister(SubjectRepository subjects, AuditRepository audit, DeadlineSweep deadlines, Clock clock) {
        this.subjects = subjects;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** A register entry in words, as the API's body and the register form give it ({@link SubjectRegistration}). */
    public record Entry(String harmLevel, Boolean vulnerable, String deviceType, String emStartDate,
                        String emEndDate, String emEndReason) {
    }

    /** The person's entry; 404 when they are not on the register. */
    public Subject find(String subjectId) {
        return subjects.find(subjectId).orElseThrow(() -> new SubjectNotFound(subjectId));
    }

    /** Whether the register marks the person vulnerable; {@code false} for a person it does not hold. */
    public boolean isVulnerable(String subjectId) {
        return subjects.find(subjectId).map(Subject::vulnerable).orElse(false);
    }

    /** Of {@code subjectIds}, those the register marks vulnerable (one query, for a page that lists many people). */
    public Set<String> vulnerableAmong(Collection<String> subjectIds) {
        return subjectIds.isEmpty() ? Set.of()
                : Set.copyOf(subjects.vulnerableAmong(subjectIds.stream().distinct().toArray(String[]::new)));
    }

    /** Checks the words (422 naming every problem) and stores the entry as of now. */
    @Transactional
    public Subject put(String subjectId, Entry entry, String by) {
        Subject subject = SubjectRegistration.parse(subjectId, entry.harmLevel(), entry.vulnerable(),
                entry.deviceType(), entry.emStartDate(), entry.emEndDate(), entry.emEndReason(), clock.instant());
        return put(subject, by);
    }

    @Transactional
    public Subject put(Subject subject, String by) {
        subjects.save(subject, by);
        audit.append(new AuditEntry(subject.updatedAt(), by, "SUBJECT_UPDATED", null, subject.subjectId(),
                AuditDetail.of("harmLevel", subject.harmLevel() == null ? null : subject.harmLevel().name(),
                        "vulnerable", Boolean.toString(subject.vulnerable()),
                        "deviceType", subject.deviceType() == null ? null : subject.deviceType().name(),
                        "emStartDate", subject.emStartDate() == null ? null : subject.emStartDate().toString(),
                        "emEndDate", subject.emEndDate() == null ? null : subject.emEndDate().toString(),
                        "emEndReason", subject.emEndReason() == null ? null : subject.emEndReason().name())));
        if (subject.emEndedBy(LocalDate.ofInstant(subject.updatedAt(), ZoneOffset.UTC))) {
            deadlines.flagEmEnded(subject.subjectId());
        }
        return subject;
    }
}
