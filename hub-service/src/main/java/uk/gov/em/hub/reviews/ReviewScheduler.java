package uk.gov.em.hub.reviews;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.CaseEvidence;
import uk.gov.em.contracts.Queue;
import uk.gov.em.contracts.Severity;
import uk.gov.em.hub.audit.domain.AuditDetail;
import uk.gov.em.hub.audit.domain.AuditEntry;
import uk.gov.em.hub.audit.persistence.AuditRepository;
import uk.gov.em.hub.cases.persistence.CaseRepository;
import uk.gov.em.hub.reviews.domain.ReviewSchedule;
import uk.gov.em.hub.subjects.persistence.SubjectRepository;
import uk.gov.em.hub.subjects.persistence.SubjectRepository.ReviewCandidate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raises the scheduled reviews that have fallen due: for every person with an EM start date and no
 * scheduled review open, a review case in the reviews queue every {@code hub.reviews.interval} counted
 * from the EM start, never after the EM end ({@link ReviewSchedule}). Runs every {@code hub.reviews.check-interval}; the
 * case id is deterministic and the insert idempotent, so concurrent or repeated runs raise each review
 * once.
 */
@Singleton
public class ReviewScheduler {

    /** Who the audit trail says raised scheduled reviews. */
    public static final String ACTOR = AuditEntry.SYSTEM + ":review-schedule";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewScheduler.class);
    private static final CaseEvidence NO_EVIDENCE = new CaseEvidence(List.of(), List.of(), 0, List.of());

    private final SubjectRepository subjects;
    private final CaseRepository cases;
    private final AuditRepository audit;
    private final ReviewSchedule schedule;
    private final Clock clock;

    public ReviewScheduler(SubjectRepository subjects, CaseRepository cases, AuditRepository audit,
                           @Value("${hub.reviews.interval:P3M}") String interval, Clock clock) {
        this.subjects = subjects;
        this.cases = cases;
        this.audit = audit;
        this.schedule = new ReviewSchedule(Period.parse(interval));
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${hub.reviews.check-interval:1m}", initialDelay = "2s")
    void tick() {
        try {
            int raised = raiseDueReviews();
            if (raised > 0) {
                LOG.info("Raised {} scheduled reviews", raised);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot raise scheduled reviews now; the next run will: {}", e.toString());
        }
    }

    /** Raises every review due today that is not raised yet; how many it raised. */
    @Transactional
    public int raiseDueReviews() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<AuditEntry> entries = new ArrayList<>();
        try (CaseRepository.Writer writer = cases.writer()) {
            for (ReviewCandidate candidate : subjects.reviewCandidates()) {
                if (candidate.reviewPending()) {
                    continue;
                }
                Optional<LocalDate> due = schedule.dueOn(today, candidate.emStartDate(), candidate.emEndDate(),
                        candidate.lastReviewDue());
                if (due.isEmpty()) {
                    continue;
                }
                BreachCase review = new BreachCase(ReviewSchedule.caseId(candidate.subjectId(), due.get()),
                        candidate.subjectId(), Queue.REVIEWS, Severity.MEDIUM, ReviewSchedule.TRIGGER,
                        "hub-" + schedule.every(), ReviewSchedule.RULE_ID, NO_EVIDENCE,
                        due.get().atStartOfDay(ZoneOffset.UTC).toInstant(), now, candidate.harmLevel(),
                        schedule.explanation(candidate.emStartDate(), due.get()));
                if (writer.insertIfAbsent(review, now)) {
                    entries.add(new AuditEntry(now, ACTOR, "CASE_RAISED", review.caseId(), review.subjectId(),
                            AuditDetail.of("queue", review.queue().path(), "trigger", review.trigger(),
                                    "due", due.get().toString())));
                }
            }
        }
        audit.append(entries);
        return entries.size();
    }
}
