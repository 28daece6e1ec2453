package uk.gov.em.streams.person.domain;

import uk.gov.em.streams.dedup.domain.SeenNotification;
import uk.gov.em.streams.episodes.domain.Episode;
import uk.gov.em.streams.ladder.domain.QualifyingBreach;

import java.time.Instant;
import java.util.List;

/**
 * Everything the policy remembers about one person, kept in one changelogged store entry keyed by
 * {@code subjectId}. Bounded: episodes and ABVs older than the lateness horizon plus the ABV window are
 * frozen and dropped, ladder history older than the ladder window plus the lateness horizon is dropped, and
 * notifications first seen more than the de-duplication horizon before the newest one are forgotten.
 *
 * @param newestEventTime     the newest event time (occurredAt or endedAt) seen for the person
 * @param decidedUntil        every decision up to this instant has been made (the latest arrival processed,
 *                            or the clock time of the latest wake-up)
 * @param frozenConsumedUntil battery time at or before this instant is consumed by an ABV that can no longer
 *                            change (its T is older than the lateness horizon); null when there is none
 * @param episodes            the person's episodes still needed, by type and episode id
 * @param abvs                the ABVs in force that may still change, oldest first
 * @param ladder              the person's qualifying breaches still needed by the ladder, oldest first
 * @param seen                the person's notifications inside the de-duplication horizon, by identity
 */
public record PersonState(
        Instant newestEventTime,
        Instant decidedUntil,
        Instant frozenConsumedUntil,
        List<Episode> episodes,
        List<AbvInForce> abvs,
        List<QualifyingBreach> ladder,
        List<SeenNotification> seen) {

    public static final PersonState EMPTY = new PersonState(null, null, null, List.of(), List.of(), List.of(), List.of());

    public PersonState {
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        abvs = abvs == null ? List.of() : List.copyOf(abvs);
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    /** An ABV raised and standing: its instant T and its case. */
    public record AbvInForce(Instant at, String caseId) {
    }
}
