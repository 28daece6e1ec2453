package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.em.gateway.problem.Problem;

import java.util.List;

/**
 * The 200 body of a batch (docs/api/supplier-api.md): how many notifications were accepted (and are durably on Kafka),
 * and each rejected one by its 0-based index, the notificationId it claimed (null when none could be read),
 * and its problems. Every member is always present, even when empty or null, so clients need no special case.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BatchResult(int accepted, List<Rejected> rejected) {

    public BatchResult {
        rejected = List.copyOf(rejected);
    }

    /** One rejected notification of the batch. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rejected(int index, String notificationId, List<Problem.FieldError> problems) {
    }
}
