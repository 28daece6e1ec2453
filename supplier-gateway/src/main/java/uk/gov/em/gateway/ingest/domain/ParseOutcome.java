package uk.gov.em.gateway.ingest.domain;

import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.util.List;

/** What the raw bytes of one notification turned out to be: an acceptable notification, or every problem with it. */
public sealed interface ParseOutcome {

    /** A notification that passed every rule. */
    record Valid(Notification notification) implements ParseOutcome {
    }

    /** A notification that did not; {@code problems} names every bad field and is never empty. */
    record Invalid(List<FieldProblem> problems) implements ParseOutcome {

        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid notification has at least one problem");
            }
            problems = List.copyOf(problems);
        }

        /**
         * True when any problem is malformed input (400); only when every problem is a well-formed but
         * impossible value is the whole rejection a 422.
         */
        public boolean malformed() {
            return problems.stream().anyMatch(p -> p.kind() == FieldProblem.Kind.MALFORMED);
        }
    }
}
