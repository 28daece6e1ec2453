package uk.gov.em.hub.cases.domain;

import uk.gov.em.hub.common.domain.InvalidParameter;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a caseworker records on a case (hub-api.md "Actions"). Which action is allowed when, and who may
 * take it, is {@link CaseLifecycle}'s business.
 */
public enum CaseAction {
    WARNING_LETTER_SENT,
    MITIGATION_RECEIVED,
    MITIGATION_ACCEPTED,
    REVIEW_COMPLETED,
    REFERRED_FOR_PROSECUTION,
    NO_FURTHER_ACTION,
    /** The assignee saw that breach-streams withdrew the case they were working, and lets it go. */
    WITHDRAWAL_ACKNOWLEDGED,
    NOTE;

    public static final String PARAMETER = "action";

    /** The action this word names, exactly as the API spells it. */
    public static CaseAction fromWord(String word) {
        return Arrays.stream(values()).filter(a -> a.name().equals(word)).findFirst()
                .orElseThrow(() -> new InvalidParameter(PARAMETER, "must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                        + " (was '" + word + "')"));
    }
}
