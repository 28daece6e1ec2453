package uk.gov.em.hub.timeline.app;

import jakarta.inject.Singleton;
import uk.gov.em.hub.subjects.domain.SubjectNotFound;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;
import uk.gov.em.hub.timeline.domain.Timeline;
import uk.gov.em.hub.timeline.persistence.TimelineRepository;

/**
 * A person's whole EM history in time order, for the API and the pages alike: every notification, ABV,
 * case, action and withdrawal. A person the hub has never heard of (no history and not on the register)
 * is a 404.
 */
@Singleton
public class TimelineQueries {

    private final TimelineRepository timeline;
    private final SubjectRepository subjects;

    public TimelineQueries(TimelineRepository timeline, SubjectRepository subjects) {
        this.timeline = timeline;
        this.subjects = subjects;
    }

    public Timeline of(String subjectId) {
        Timeline found = timeline.of(subjectId);
        if (found.entries().isEmpty() && subjects.find(subjectId).isEmpty()) {
            throw new SubjectNotFound(subjectId);
        }
        return found;
    }
}
