package uk.gov.em.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What breach-streams tells the hub on {@link Topics#CASES}: a case was raised, or a case raised earlier
 * was withdrawn (late data moved or removed the violation it stood on). The JSON carries the kind in
 * {@code "event"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BreachCase.class, name = "CASE_RAISED"),
        @JsonSubTypes.Type(value = CaseWithdrawal.class, name = "CASE_WITHDRAWN")
})
public sealed interface CaseEvent permits BreachCase, CaseWithdrawal {

    String caseId();

    String subjectId();
}
