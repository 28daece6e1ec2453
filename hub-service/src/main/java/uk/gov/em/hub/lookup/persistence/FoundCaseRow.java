package uk.gov.em.hub.lookup.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A case found by its id, and whose it is. */
@MappedEntity("breach_case")
public record FoundCaseRow(@Id @MappedProperty("case_id") String caseId, @MappedProperty("subject_id") String subjectId) {
}
