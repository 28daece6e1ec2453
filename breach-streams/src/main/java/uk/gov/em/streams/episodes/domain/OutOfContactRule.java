package uk.gov.em.streams.episodes.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Out of contact for 7 days (docs/policy.md §4): an episode (battery or other) that reaches the limit
 * (168 h) without an end raises {@code OUT_OF_CONTACT_7_DAYS} at start + limit, once per episode, when the
 * clock gets there. An episode reported afterwards as having lasted the limit or longer counts the same: it
 * was open at start + limit. A case raised for an episode later reported to have ended before the limit no
 * longer stands and is withdrawn.
 */
public final class OutOfContactRule {

    private OutOfContactRule() {
    }

    /** What the rule says about one episode at {@code now}. */
    public sealed interface Decision {
    }

    /** Nothing to do now; if the episode stays open, look again at {@code wakeAt}. */
    public record Wait(Optional<Instant> wakeAt) implements Decision {
    }

    /** The episode reached the limit at {@code reachedAt}: raise the case. */
    public record Raise(Instant reachedAt) implements Decision {
    }

    /** The case raised earlier no longer stands: the episode ended at {@code endedAt}, before the limit. */
    public record Withdraw(String caseId, Instant endedAt, String reason) implements Decision {
    }

    public static Decision decide(Episode episode, Duration limit, Instant now) {
        Instant reachedAt = episode.start().plus(limit);
        boolean lastedTheLimit = episode.isOpen() || !episode.end().isBefore(reachedAt);
        if (episode.sevenDayCaseId() != null) {
            return lastedTheLimit ? new Wait(Optional.empty())
                    : new Withdraw(episode.sevenDayCaseId(), episode.end(), "episode " + episode.episodeId()
                    + " is now known to have ended at " + episode.end() + ", before it had lasted "
                    + limit.toHours() + " h");
        }
        if (!lastedTheLimit) {
            return new Wait(Optional.empty());
        }
        return reachedAt.isAfter(now) ? new Wait(Optional.of(reachedAt)) : new Raise(reachedAt);
    }
}
