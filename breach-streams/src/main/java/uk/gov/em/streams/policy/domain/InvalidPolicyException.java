package uk.gov.em.streams.policy.domain;

import java.util.List;

/** A policy that cannot be applied as written; lists every problem, so one edit can fix them all. */
public final class InvalidPolicyException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidPolicyException(String source, List<String> problems) {
        super("invalid breach policy " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
