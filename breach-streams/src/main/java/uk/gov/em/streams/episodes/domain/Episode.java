package uk.gov.em.streams.episodes.domain;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One period out of contact of one person (docs/policy.md §2): every notification with the same type and
 * {@code episodeId} describes it; it runs from the earliest {@code occurredAt} to the latest {@code endedAt}
 * among them, so the result does not depend on their arrival order. With no {@code endedAt} yet it is open.
 *
 * <p>Each notification's own report is kept, so one can be taken back (a copy found to conflict with an
 * earlier copy naming another person) and the episode is then exactly what the others describe.
 *
 * @param start          the earliest {@code occurredAt} among the reports
 * @param end            the latest end among the reports, or null while none has ended (open)
 * @param reports        what each notification said, by notification id
 * @param sevenDayCaseId the {@code OUT_OF_CONTACT_7_DAYS} case raised for it, if any (once per episode)
 */
public record Episode(
        BreachType type,
        String episodeId,
        Instant start,
        Instant end,
        List<Report> reports,
        String sevenDayCaseId) {

    /**
     * What one notification said about the episode.
     *
     * @param end        its {@code endedAt} (an end at or before its start counts as the start), null if open
     * @param receivedAt when the gateway received it (what {@code raisedAt} of a case it completes uses)
     */
    public record Report(String notificationId, Instant occurredAt, Instant end, Instant receivedAt) {

        public Report {
            Objects.requireNonNull(notificationId, "notificationId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }

        static Report of(Notification n, Instant receivedAt) {
            Instant end = n.endedAt() == null || n.endedAt().isAfter(n.occurredAt()) ? n.endedAt() : n.occurredAt();
            return new Report(n.notificationId(), n.occurredAt(), end, receivedAt);
        }
    }

    public Episode {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(start, "start");
        reports = List.copyOf(reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("an episode needs at least one report");
        }
    }

    /** The episode {@code reports} describe together: earliest start, latest end, open while none has ended. */
    public static Episode of(BreachType type, String episodeId, List<Report> reports, String sevenDayCaseId) {
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(Report::notificationId));
        Instant start = null;
        Instant end = null;
        for (Report report : sorted) {
            start = start == null || report.occurredAt().isBefore(start) ? report.occurredAt() : start;
            end = report.end() == null ? end : end == null || report.end().isAfter(end) ? report.end() : end;
        }
        return new Episode(type, episodeId, start, end, sorted, sevenDayCaseId);
    }

    /** The episode one notification describes on its own. */
    public static Episode of(Notification n, Instant receivedAt) {
        return of(n.type(), n.effectiveEpisodeId(), List.of(Report.of(n, receivedAt)), null);
    }

    /** True when {@code n} describes this episode. */
    public boolean isDescribedBy(Notification n) {
        return type == n.type() && episodeId.equals(n.effectiveEpisodeId());
    }

    /** This episode with one more notification about it: earliest start, latest end. */
    public Episode with(Notification n, Instant receivedAt) {
        List<Report> more = new ArrayList<>(reports);
        more.removeIf(r -> r.notificationId().equals(n.notificationId()));
        more.add(Report.of(n, receivedAt));
        return of(type, episodeId, more, sevenDayCaseId);
    }

    /** This episode without what {@code notificationId} said; empty when nothing else describes it. */
    public Optional<Episode> without(String notificationId) {
        List<Report> rest = reports.stream().filter(r -> !r.notificationId().equals(notificationId)).toList();
        return rest.isEmpty() ? Optional.empty() : Optional.of(of(type, episodeId, rest, sevenDayCaseId));
    }

    /** True when {@code notificationId} is one of the notifications describing this episode. */
    public boolean isReportedBy(String notificationId) {
        return reports.stream().anyMatch(r -> r.notificationId().equals(notificationId));
    }

    /** The notifications that describe it, sorted. */
    public List<String> notificationIds() {
        return reports.stream().map(Report::notificationId).toList();
    }

    /** The latest arrival among its notifications. */
    public Instant lastReceivedAt() {
        return reports.stream().map(Report::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    public Episode withSevenDayCase(String caseId) {
        return new Episode(type, episodeId, start, end, reports, caseId);
    }

    public boolean isOpen() {
        return end == null;
    }

    /** How long it has lasted by {@code now} (up to its end if it has one). */
    public Duration lengthAt(Instant now) {
        Instant until = end == null || end.isAfter(now) ? now : end;
        return until.isAfter(start) ? Duration.between(start, until) : Duration.ZERO;
    }

    /**
     * The earliest instant at which this episode covers time differently from {@code before} (empty when it
     * covers exactly the same time). A new episode changes things from its start.
     */
    public Optional<Instant> changedSince(Optional<Episode> before) {
        if (before.isEmpty()) {
            return Optional.of(start);
        }
        Episode old = before.get();
        Instant changed = null;
        if (!start.equals(old.start)) {
            changed = min(start, old.start);
        }
        if (!Objects.equals(end, old.end)) {
            Instant endChange = end == null ? old.end : old.end == null ? end : min(end, old.end);
            changed = changed == null ? endChange : min(changed, endChange);
        }
        return Optional.ofNullable(changed);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
