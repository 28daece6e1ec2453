package uk.gov.em.streams.dedup.domain;

/**
 * What to do with one arriving copy of a notification (docs/policy.md §1), with the reason in words.
 */
public sealed interface DedupDecision {

    /** One word for metrics and logs: {@code new}, {@code same-again} or {@code conflicting}. */
    String outcome();

    String reason();

    /** The first copy of this (supplier, notificationId): remember it and process it. */
    record FirstCopy(String fingerprint) implements DedupDecision {
        public String outcome() {
            return "new";
        }

        public String reason() {
            return "first copy of this notification";
        }
    }

    /** The same content again: it changes nothing. */
    record SameAgain(SeenNotification first) implements DedupDecision {
        public String outcome() {
            return "same-again";
        }

        public String reason() {
            return "the same notification again (first received " + first.firstSeenAt() + "); it changes nothing";
        }
    }

    /** The same id with different content: the first copy stands, this one is a data-quality conflict. */
    record Conflicting(SeenNotification first, String fingerprint) implements DedupDecision {
        public String outcome() {
            return "conflicting";
        }

        public String reason() {
            return "the same notification id arrived again with different content (first received "
                    + first.firstSeenAt() + ", content " + first.fingerprint().substring(0, 12) + "; this copy "
                    + fingerprint.substring(0, 12) + "); the first copy was kept";
        }
    }
}
