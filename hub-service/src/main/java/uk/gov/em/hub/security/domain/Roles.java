package uk.gov.em.hub.security.domain;

import java.util.Set;

/**
 * The hub's roles (docs/api/hub-api.md "Sign-in and roles"). Constants, because {@code @Secured} needs
 * compile-time values.
 */
public final class Roles {

    /** Works the queues: reads cases, claims them, records actions. */
    public static final String CASEWORKER = "CASEWORKER";
    /** Everything a caseworker can, plus sign-offs such as referring for prosecution. */
    public static final String SENIOR_CASEWORKER = "SENIOR_CASEWORKER";
    /** Metrics, MI and the subject register; no case actions and no individual case reading. */
    public static final String OPS = "OPS";
    /** Runs the hub. */
    public static final String ADMIN = "ADMIN";

    public static final Set<String> ALL = Set.of(CASEWORKER, SENIOR_CASEWORKER, OPS, ADMIN);

    private Roles() {
    }
}
