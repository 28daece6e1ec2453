package uk.gov.em.hub.cases.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an action carries besides its name and note, checked against what that action needs
 * (docs/case-lifecycle.md "What each action needs"). Fields an action does not use are dropped.
 *
 * @param outcome a {@link ReviewOutcome}, {@link ProsecutionDecision}, {@link ProsecutionOutcome} or
 *                {@link SafeguardingOutcome} word, for the actions that record one
 * @param reason  a {@link NoFurtherActionReason} word, for {@code NO_FURTHER_ACTION}
 * @param method  how contact was attempted, for {@code CONTACT_ATTEMPTED}
 * @param reached whether the attempt reached the person, for {@code CONTACT_ATTEMPTED}
 * @param party   who was notified, for {@code PARTY_NOTIFIED}
 * @param agency  the agency a safeguarding referral went to, for {@code SAFEGUARDING_REFERRAL}
 */
public record ActionDetails(String outcome, String reason, ContactMethod method, Boolean reached, NotifiedParty party,
                            String agency) {

    public static final ActionDetails NONE = new ActionDetails(null, null, null, null, null, null);

    /**
     * The words a request gave for the details, not yet checked: they are checked against the action
     * only once the state machine allows it, so a refused action is a 409 or 403 whatever it carried.
     */
    public record Words(String outcome, String reason, String method, Boolean reached, String party, String agency) {

        public static final Words NONE = new Words(null, null, null, null, null, null);

        /** The details {@code action} needs, read from these words; see {@link ActionDetails#of}. */
        public ActionDetails parse(CaseAction action, String note) {
            return ActionDetails.of(action, note, outcome, reason, method, reached, party, agency);
        }
    }
    private static final int MAX_AGENCY = 200;

    /**
     * The details {@code action} needs, read from the request's words.
     *
     * @throws InvalidActionDetail when something it needs is missing or a word is unknown
     */
    public static ActionDetails of(CaseAction action, String note, String outcome, String reason, String method,
                                   Boolean reached, String party, String agency) {
        return switch (action) {
            case REVIEW_COMPLETED -> outcome(word(ReviewOutcome.class, "outcome", outcome, action));
            case PROSECUTION_DECISION -> outcome(word(ProsecutionDecision.class, "outcome", outcome, action));
            case PROSECUTION_OUTCOME -> outcome(word(ProsecutionOutcome.class, "outcome", outcome, action));
            case SAFEGUARDING_OUTCOME -> outcome(word(SafeguardingOutcome.class, "outcome", outcome, action));
            case NO_FURTHER_ACTION -> {
                NoFurtherActionReason r = word(NoFurtherActionReason.class, "reason", reason, action);
                if (r == NoFurtherActionReason.OTHER) {
                    requireNote(note, "NO_FURTHER_ACTION with reason OTHER needs a note saying why");
                }
                yield new ActionDetails(null, r.name(), null, null, null, null);
            }
            case MITIGATION_REJECTED -> {
                requireNote(note, "MITIGATION_REJECTED needs the reason given to the person, in the note");
                yield NONE;
            }
            case CONTACT_ATTEMPTED -> {
                ContactMethod m = word(ContactMethod.class, "method", method, action);
                if (reached == null) {
                    throw new InvalidActionDetail("CONTACT_ATTEMPTED needs reached: true or false");
                }
                yield new ActionDetails(null, null, m, reached, null, null);
            }
            case PARTY_NOTIFIED -> new ActionDetails(null, null, null, null,
                    word(NotifiedParty.class, "party", party, action), null);
            case SAFEGUARDING_REFERRAL -> {
                if (agency == null || agency.isBlank() || agency.length() > MAX_AGENCY) {
                    throw new InvalidActionDetail("SAFEGUARDING_REFERRAL needs agency: the agency referred to (1 to "
                            + MAX_AGENCY + " characters)");
                }
                yield new ActionDetails(null, null, null, null, null, agency.strip());
            }
            case WARNING_LETTER_SENT, MITIGATION_RECEIVED, MITIGATION_ACCEPTED, REFERRED_FOR_PROSECUTION, WITHDRAWAL_ACKNOWLEDGED, NOTE,
                 REPRESENTATIONS_RECEIVED -> NONE;
        };
    }

    private static ActionDetails outcome(Enum<?> word) {
        return new ActionDetails(word.name(), null, null, null, null, null);
    }

    private static void requireNote(String note, String problem) {
        if (note == null || note.isBlank()) {
            throw new InvalidActionDetail(problem);
        }
    }

    private static <E extends Enum<E>> E word(Class<E> type, String field, String value, CaseAction action) {
        E[] values = type.getEnumConstants();
        String allowed = Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidActionDetail(action + " needs " + field + ": one of " + allowed);
        }
        return Arrays.stream(values).filter(v -> v.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidActionDetail(field + " must be one of " + allowed + " (was '" + value + "')"));
    }
}
