package uk.gov.em.streams.cases.domain;

import uk.gov.em.streams.domain.Sha256;

/**
 * Deterministic case ids (breach-policy.md §7): the same trigger occurrence always gets the same id, so a
 * replay, a resend after the de-duplication horizon or a restart never makes a twin case.
 *
 * <p>The id names the trigger occurrence, not the routing decision: the rule id is deliberately left out,
 * so if a later policy version routes the same notification differently the hub sees the same case again
 * rather than a second one.
 */
public final class CaseIds {

    private static final int HEX_CHARS = 24;

    private CaseIds() {
    }

    /** The id of the case a single notification raises: {@code "C-"} + 24 hex chars of SHA-256. */
    public static String forNotification(String trigger, String supplier, String notificationId) {
        return "C-" + Sha256.hex(trigger + "|" + supplier + "/" + notificationId).substring(0, HEX_CHARS);
    }
}
