package uk.gov.em.gateway.ingest.domain;

import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.util.List;

/**
 * What the body of a batch turned out to be. Only a body that cannot be read as a batch at all, or one with
 * too many notifications, is refused whole; otherwise every item is judged on its own.
 */
public sealed interface BatchOutcome {

    /** Not valid JSON / CSV, not an array, or an unusable CSV header: refused whole (400). */
    record Unreadable(List<FieldProblem> problems) implements BatchOutcome {

        public Unreadable {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an unreadable batch has at least one problem");
            }
            problems = List.copyOf(problems);
        }
    }

    /** More notifications than one batch may carry: refused whole (413), so the supplier splits it. */
    record TooManyItems(int count, int max) implements BatchOutcome {
    }

    /** A readable batch: every notification with its own verdict, in the order sent. */
    record Items(List<BatchItem> items) implements BatchOutcome {

        public Items {
            items = List.copyOf(items);
        }
    }
}
