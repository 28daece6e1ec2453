package uk.gov.em.streams.person.domain;

import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the policy remembers about one person, kept in one changelogged store entry keyed by {@code subjectId}
 * and held decoded in memory by its task, which writes it behind, once for all the notifications of an interval (ADR 0010). The person's
 * recent de-duplication entries are here too, at most {@link PersonPolicy#MAX_RECENT_SEEN} of them; when a person
 * has more within the horizon (a flood), the oldest are set aside in a store of their own, one entry per
 * notification, looked up only for a person who has some there (ADR 0005), so this entry stays bounded.
 * Bounded: episodes and ABVs older than the lateness horizon plus the ABV window are frozen and dropped,
 * ladder history older than the ladder window plus the lateness horizon is dropped, and both are capped
 * ({@link PersonPolicy#MAX_EPISODES}, {@link PersonPolicy#MAX_LADDER}) whatever a supplier sends.
 *
 * @param newestEventTime     the newest event time (occurredAt or endedAt) seen for the person
 * @param decidedUntil        every decision up to this instant has been made (the latest arrival processed,
 *                            or the clock time of the latest wake-up)
 * @param frozenConsumedUntil battery time at or before this instant is consumed by an ABV that can no longer
 *                            change (its T is older than the lateness horizon); null when there is none
 * @param episodes            the person's episodes still needed, by type and episode id
 * @param abvs                the ABVs in force that may still change, oldest first
 * @param ladder              the person's qualifying breaches still needed by the ladder, oldest first
 * @param newestSeenAt        the latest first arrival of any of the person's notifications (what the
 *                            de-duplication horizon is measured back from); null before the first
 * @param wakeAt              when the person next needs a decision without new input (an ABV or 168 h
 *                            inside an open episode), if ever; before it, a new arrival has nothing
 *                            already due to decide first
 * @param recentSeen          the person's de-duplication entries kept here, oldest first arrival first
 * @param setAsideUntil       the latest first arrival among the person's de-duplication entries set aside in their
 *                            own store; null when none ever was. Once it falls behind what the horizon remembers,
 *                            the store need not be asked again
 */
public record PersonState(
        Instant newestEventTime,
        Instant decidedUntil,
        Instant frozenConsumedUntil,
        List<Episode> episodes,
        List<AbvInForce> abvs,
        List<QualifyingBreach> ladder,
        Instant newestSeenAt,
        Instant wakeAt,
        List<SeenNotification> recentSeen,
        Instant setAsideUntil) {

    public static final PersonState EMPTY = new PersonState(null, null, null, List.of(), List.of(), List.of(), null, null,
            List.of(), null);

    public PersonState {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        abvs = abvs == null ? List.of() : List.copyOf(abvs);
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
        recentSeen = recentSeen == null ? List.of() : List.copyOf(recentSeen);
    }

    /** The de-duplication entry kept here for {@code identity}, if any (whether it still counts is the policy's). */
    public Optional<SeenNotification> recentSeen(String identity) {
        for (SeenNotification entry : recentSeen) {
            if (entry.identity().equals(identity)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** An ABV raised and standing: its instant T and its case. */
    public record AbvInForce(Instant at, String caseId) {
    }
}
