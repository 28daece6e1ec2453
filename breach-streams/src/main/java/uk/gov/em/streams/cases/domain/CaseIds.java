package uk.gov.em.streams.cases.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.streams.domain.Sha256;

import java.time.Instant;

/**
 * Deterministic case ids (docs/policy.md §7): the same trigger occurrence always gets the same id, so a
 * replay, a resend after the de-duplication horizon or a restart never makes a twin case.
 *
 * <p>The id names the trigger occurrence, not the routing decision: the rule id is deliberately left out,
 * so if a later policy version routes the same notification differently the hub sees the same case again
 * rather than a second one. Every id names the person too: two copies of one notification naming different
 * people (a supplier error, docs/policy.md §1) raise two cases, and withdrawing the one that lost never
 * touches the other. An ABV is its person and instant T; a 7-day case is its person, episode and the instant
 * it reached 7 days (if late data moves the episode's start, that is another case).
 */
public final class CaseIds {

    private static final int HEX_CHARS = 24;

    private CaseIds() {
    }

    /** The id of the case a single notification raises: {@code "C-"} + 24 hex chars of SHA-256. */
    public static String forNotification(String trigger, String supplier, String notificationId, String subjectId) {
        return id(trigger + "|" + supplier + "/" + notificationId + "|" + subjectId);
    }

    /** The id of the accumulated battery violation of {@code subjectId} at T. */
    public static String forAbv(String subjectId, Instant at) {
        return id(BreachCase.TRIGGER_ABV + "|" + subjectId + "|" + at);
    }

    /** The id of the out-of-contact-for-7-days case of one episode that reached 7 days at {@code reachedAt}. */
    public static String forSevenDays(String subjectId, BreachType type, String episodeId, Instant reachedAt) {
        return id(BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS + "|" + subjectId + "|" + type.code() + "/" + episodeId
                + "|" + reachedAt);
    }

    private static String id(String occurrence) {
        return "C-" + Sha256.hex(occurrence).substring(0, HEX_CHARS);
    }
}
