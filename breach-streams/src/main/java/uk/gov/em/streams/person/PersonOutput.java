package uk.gov.em.streams.person;

import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;

/** What the per-person processor passes on: a case event for the hub, or a data-quality exception. */
public sealed interface PersonOutput {

    record Case(CaseEvent event) implements PersonOutput {
    }

    record Quality(DataQualityEvent event) implements PersonOutput {
    }
}
