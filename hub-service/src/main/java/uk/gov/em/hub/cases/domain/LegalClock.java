package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The time limit for starting a prosecution: {@code limit} (six months by default) after the offence,
 * whose date is the trigger's event time. The date is taken in UTC, which is never later than the UK
 * date of the same instant, so the deadline shown is never later than the real one.
 */
public record LegalClock(Period limit) {

    public LegalClock {
        Objects.requireNonNull(limit, "limit");
    }

    /** The last date a prosecution can be started, for a case in prosecutions or referred for one. */
    public Optional<LocalDate> lastDayToStartProsecution(HubCase c) {
        if (c.queue() != Queue.PROSECUTIONS && c.outcome() != CaseAction.REFERRED_FOR_PROSECUTION) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC).plus(limit));
    }
}
