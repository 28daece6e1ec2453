package uk.gov.em.hub.security.domain;

/** What happened to one sign-in attempt or account, as recorded in {@code sign_in_event}. */
public enum SignInOutcome {
    /** The password was right. */
    SUCCEEDED,
    /** Wrong user name or password. */
    FAILED,
    /** This failure locked the account. */
    LOCKED_OUT,
    /** Refused without checking the password: the account is locked. */
    REFUSED_LOCKED,
    /** An admin unlocked the account. */
    UNLOCKED
}
