package uk.gov.em.streams.policy.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a trigger goes (docs/policy.md §5): straight to a queue, onto the escalation ladder, or nowhere.
 * The policy file spells each route as its lower-case {@link #code()}.
 */
public enum Route {
    /** Straight to the reviews queue. */
    REVIEWS("reviews"),
    /** Straight to the prosecutions queue. */
    PROSECUTIONS("prosecutions"),
    /** A qualifying breach: the escalation ladder (§6) decides the queue. */
    LADDER("ladder"),
    /** No case: the notification feeds the battery and out-of-contact rules. */
    NONE("none"),
    /** No case: the supplier's own failing, kept in the supplier performance log. */
    SUPPLIER_LOG("supplier-log");

    private final String code;

    Route(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for the routes that open a caseworker case. */
    public boolean raisesCase() {
        return this == REVIEWS || this == PROSECUTIONS || this == LADDER;
    }

    public static Optional<Route> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
