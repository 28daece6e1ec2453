package uk.gov.em.streams.person.domain;

import uk.gov.em.contracts.CaseEvent;
import uk.gov.em.contracts.DataQualityEvent;
import uk.gov.em.streams.dedup.domain.DedupDecision;
import uk.gov.em.streams.dedup.domain.SeenNotification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one step of {@link PersonPolicy} decided: the person's new state (or none, when the input changed
 * nothing: a copy of a notification already seen), the de-duplication entries to set aside in their own store
 * (usually none: only a person with more than {@link PersonPolicy#MAX_RECENT_SEEN} within the horizon has any, and
 * an entry already there that is now marked withdrawn), the case events and data-quality exceptions to publish (in order), when the person next
 * needs a look without new input (an open episode reaching T or 168 h), if ever, which of the withdrawn cases
 * were ABVs, the de-duplication decision for an arriving notification and whether it was refused because the
 * person's state is full (the last three for metrics).
 */
public record PersonOutcome(Optional<PersonState> state, List<SeenNotification> setAside, List<CaseEvent> cases,
                            List<DataQualityEvent> dataQuality, Optional<Instant> wakeAt, Set<String> withdrawnAbvs,
                            Optional<DedupDecision> dedup, boolean refused) {

    public PersonOutcome {
        setAside = List.copyOf(setAside);
        cases = List.copyOf(cases);
        dataQuality = List.copyOf(dataQuality);
        withdrawnAbvs = Set.copyOf(withdrawnAbvs);
    }

    /** The input changed nothing about the person: only {@code dataQuality} (if any) to report. */
    static PersonOutcome unchanged(List<DataQualityEvent> dataQuality, DedupDecision dedup) {
        return new PersonOutcome(Optional.empty(), List.of(), List.of(), dataQuality, Optional.empty(), Set.of(),
                Optional.of(dedup), false);
    }
}
