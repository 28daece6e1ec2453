package uk.gov.em.streams.episodes.domain;

import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One period out of contact of one person (breach-policy.md §2): every notification with the same type and
 * {@code episodeId} describes it; it runs from the earliest {@code occurredAt} to the latest {@code endedAt}
 * among them, so the result does not depend on their arrival order. With no {@code endedAt} yet it is open.
 *
 * @param notificationIds   the notifications that describe it, sorted
 * @param lastReceivedAt    the latest arrival among them (what {@code raisedAt} of a case it completes uses)
 * @param sevenDayCaseId    the {@code OUT_OF_CONTACT_7_DAYS} case raised for it, if any (once per episode)
 */
public record Episode(
        BreachType type,
        String episodeId,
        Instant start,
        Instant end,
        List<String> notificationIds,
        Instant lastReceivedAt,
        String sevenDayCaseId) {

    public Episode {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episodeId, "episodeId");
        Objects.requireNonNull(start, "start");
        notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
    }

    /** The episode one notification describes on its own. */
    public static Episode of(Notification n, Instant receivedAt) {
        Instant end = n.endedAt() == null || n.endedAt().isAfter(n.occurredAt()) ? n.endedAt() : n.occurredAt();
        return new Episode(n.type(), n.effectiveEpisodeId(), n.occurredAt(), end, List.of(n.notificationId()),
                receivedAt, null);
    }

    /** True when {@code n} describes this episode. */
    public boolean isDescribedBy(Notification n) {
        return type == n.type() && episodeId.equals(n.effectiveEpisodeId());
    }

    /** This episode with one more notification about it: earliest start, latest end. */
    public Episode with(Notification n, Instant receivedAt) {
        Episode other = of(n, receivedAt);
        TreeSet<String> ids = new TreeSet<>(notificationIds);
        ids.add(n.notificationId());
        Instant newEnd = end == null ? other.end : other.end == null ? end : max(end, other.end);
        return new Episode(type, episodeId, min(start, other.start), newEnd, List.copyOf(ids),
                max(lastReceivedAt, receivedAt), sevenDayCaseId);
    }

    public Episode withSevenDayCase(String caseId) {
        return new Episode(type, episodeId, start, end, notificationIds, lastReceivedAt, caseId);
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
        if (start.isBefore(old.start)) {
            changed = start;
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

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
