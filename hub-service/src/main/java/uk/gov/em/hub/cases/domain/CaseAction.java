package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a caseworker records on a case (docs/api/hub-api.md "Actions"). Which action is allowed when, and who may
 * take it, is {@link CaseLifecycle}'s business.
 */
public enum CaseAction {
    WARNING_LETTER_SENT,
    MITIGATION_RECEIVED,
    MITIGATION_ACCEPTED,
    /** The mitigation was not accepted; the answer (with the reason, in the note) was sent. */
    MITIGATION_REJECTED,
    /** {@code outcome} is a {@link ReviewOutcome}. */
    REVIEW_COMPLETED,
    /** Opens the referral: the case waits in REFERRED for the prosecutor's decision. */
    REFERRED_FOR_PROSECUTION,
    /** {@code outcome} is a {@link ProsecutionDecision}. */
    PROSECUTION_DECISION,
    /** {@code outcome} is a {@link ProsecutionOutcome}: the court's outcome of a charged case. */
    PROSECUTION_OUTCOME,
    /** {@code reason} is a {@link NoFurtherActionReason}. */
    NO_FURTHER_ACTION,
    /** Trying to reach the person: {@code method} a {@link ContactMethod}, {@code reached} true or false. */
    CONTACT_ATTEMPTED,
    /** Telling someone about the case: {@code party} a {@link NotifiedParty}. */
    PARTY_NOTIFIED,
    /** A safeguarding referral to {@code agency}. */
    SAFEGUARDING_REFERRAL,
    /** What the agency did with the safeguarding referral: {@code outcome} a {@link SafeguardingOutcome}. */
    SAFEGUARDING_OUTCOME,
    /** Representations for the person arrived: they trigger a review of the person's conditions. */
    REPRESENTATIONS_RECEIVED,
    /** The assignee saw that breach-streams withdrew the case they were working, and lets it go. */
    WITHDRAWAL_ACKNOWLEDGED,
    NOTE;

    public static final String PARAMETER = "action";

    /**
     * True for actions that record something without moving the case (allowed in every unfinished
     * status, like {@code NOTE}).
     */
    public boolean isRecordOnly() {
        return switch (this) {
            case NOTE, CONTACT_ATTEMPTED, PARTY_NOTIFIED, SAFEGUARDING_REFERRAL, SAFEGUARDING_OUTCOME,
                 REPRESENTATIONS_RECEIVED -> true;
            default -> false;
        };
    }

    /** The action this word names, exactly as the API spells it. */
    public static CaseAction fromWord(String word) {
        return Arrays.stream(values()).filter(a -> a.name().equals(word)).findFirst()
                .orElseThrow(() -> new InvalidParameter(PARAMETER, "must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                        + " (was '" + word + "')"));
    }
}
