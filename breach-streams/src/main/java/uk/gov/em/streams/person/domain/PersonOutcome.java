package uk.gov.em.streams.person.domain;

import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one step of {@link PersonPolicy} decided: the person's new state, the case events and data-quality
 * exceptions to publish (in order), and when the person next needs a look without new input (an open
 * episode reaching T or 168 h), if ever, and which of the withdrawn cases were ABVs (for metrics).
 */
public record PersonOutcome(PersonState state, List<CaseEvent> cases, List<DataQualityEvent> dataQuality,
                            Optional<Instant> wakeAt, Set<String> withdrawnAbvs) {

    public PersonOutcome {
        cases = List.copyOf(cases);
        dataQuality = List.copyOf(dataQuality);
        withdrawnAbvs = Set.copyOf(withdrawnAbvs);
    }
}
