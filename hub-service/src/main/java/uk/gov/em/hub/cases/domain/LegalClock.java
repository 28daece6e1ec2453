package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.Queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The time limit for starting a prosecution: {@code limit} (six months by default) after the offence,
 * whose date is the trigger's event time. The date is taken in UTC, which is never later than the UK
 * date of the same instant, so the deadline shown is never later than the real one. From
 * {@code warningDays} before the last day, a case still waiting for a decision carries a warning.
 */
public record LegalClock(Period limit, int warningDays) {

    public LegalClock {
        Objects.requireNonNull(limit, "limit");
    }

    public LegalClock(Period limit) {
        this(limit, 30);
    }

    /** The last date a prosecution for an offence at {@code offenceAt} can be started. */
    public LocalDate lastDay(Instant offenceAt) {
        return LocalDate.ofInstant(offenceAt, ZoneOffset.UTC).plus(limit);
    }

    /** The last date a prosecution can be started, for a case in prosecutions or referred for one. */
    public Optional<LocalDate> lastDayToStartProsecution(HubCase c) {
        if (c.queue() != Queue.PROSECUTIONS && c.progress().referredAt() == null
                && c.outcome() != CaseAction.REFERRED_FOR_PROSECUTION) {
            return Optional.empty();
        }
        return Optional.of(lastDay(c.openedAt()));
    }

    /**
     * True when the clock applies to {@code c}, no prosecution has been started (it is not charged or
     * finished) and at most {@code warningDays} days are left on {@code today}, or it has run out.
     */
    public boolean warns(HubCase c, LocalDate today) {
        if (c.status().isFinal() || c.status() == CaseStatus.CHARGED) {
            return false;
        }
        return lastDayToStartProsecution(c)
                .map(last -> ChronoUnit.DAYS.between(today, last) <= warningDays)
                .orElse(false);
    }
}
