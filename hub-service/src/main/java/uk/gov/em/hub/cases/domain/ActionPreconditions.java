package uk.gov.em.hub.cases.domain;

import uk.gov.em.contracts.BreachCase;
import uk.gov.em.hub.common.domain.Rejection;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an action needs besides the state machine's leave, each rule a small function returning the
 * refusal, if any: a referral with no warning served in the ladder window needs a written justification;
 * escalating a 7-day out-of-contact case needs the offender manager, the legal representative and the
 * returns case worker notified first; a safeguarding outcome needs a safeguarding referral to answer.
 */
public final class ActionPreconditions {

    private ActionPreconditions() {
    }

    /** A referral needs a justification in the note when no warning letter was served in the ladder window. */
    public static Optional<Rejection> referralJustified(boolean warningServedInWindow, String note) {
        if (warningServedInWindow || (note != null && !note.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(new InvalidActionDetail("no warning letter was served to this person in the ladder window:"
                + " REFERRED_FOR_PROSECUTION needs a written justification in the note"));
    }

    /** A 7-day out-of-contact case is escalated only after every {@link NotifiedParty} has been notified. */
    public static Optional<Rejection> partiesNotifiedBeforeEscalation(String trigger, Set<NotifiedParty> notified) {
        if (!BreachCase.TRIGGER_OUT_OF_CONTACT_7_DAYS.equals(trigger)) {
            return Optional.empty();
        }
        Set<NotifiedParty> missing = EnumSet.allOf(NotifiedParty.class);
        missing.removeAll(notified);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CaseConflict.transitionRefused("the 7-day out-of-contact process needs these notified"
                + " before escalation (PARTY_NOTIFIED): "
                + missing.stream().map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** A safeguarding outcome answers a safeguarding referral recorded on the case. */
    public static Optional<Rejection> safeguardingReferred(boolean referralRecorded) {
        return referralRecorded ? Optional.empty() : Optional.of(CaseConflict.transitionRefused(
                "SAFEGUARDING_OUTCOME needs a SAFEGUARDING_REFERRAL on this case first"));
    }
}
