package uk.gov.em.hub.common.domain;

/**
 * A request the hub refuses for a reason the caller can fix or must know about. Each rejection names
 * its kind (which decides the HTTP status at the edge), a stable problem type and a short title; the
 * message is the detail a person reads.
 */
public abstract class Rejection extends RuntimeException {

    /** What sort of refusal this is; the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The request itself is wrong: a bad parameter, cursor or limit. */
        INVALID,
        /** The request is well formed but its content cannot be used: a missing or unknown outcome, ... */
        UNPROCESSABLE,
        /** The caller's role may not do this (a sign-off needs a senior caseworker, ...). */
        FORBIDDEN,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request clashes with the current state (someone else holds the case, ...). */
        CONFLICT
    }

    private final Kind kind;
    private final String type;
    private final String title;

    protected Rejection(Kind kind, String type, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** A short, stable slug naming the problem type, e.g. {@code invalid-parameter}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
