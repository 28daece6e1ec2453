package uk.gov.em.hub.subjects;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.Subject;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;

/**
 * Changes the subject register: the row, its outbox entry for em.subjects and its audit row commit
 * together; {@link uk.gov.em.hub.subjects.publish.SubjectOutboxPublisher} then publishes it within moments.
 */
@Singleton
public class SubjectRegister {

    private final SubjectRepository subjects;
    private final AuditRepository audit;

    public SubjectRegister(SubjectRepository subjects, AuditRepository audit) {
        this.subjects = subjects;
        this.audit = audit;
    }

    @Transactional
    public Subject put(Subject subject, String by) {
        subjects.save(subject, by);
        audit.append(new AuditEntry(subject.updatedAt(), by, "SUBJECT_UPDATED", null, subject.subjectId(),
                AuditDetail.of("harmLevel", subject.harmLevel() == null ? null : subject.harmLevel().name(),
                        "vulnerable", Boolean.toString(subject.vulnerable()),
                        "deviceType", subject.deviceType() == null ? null : subject.deviceType().name(),
                        "emStartDate", subject.emStartDate() == null ? null : subject.emStartDate().toString())));
        return subject;
    }
}
