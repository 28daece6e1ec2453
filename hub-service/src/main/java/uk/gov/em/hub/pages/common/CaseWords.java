package uk.gov.em.hub.pages.common;

import uk.gov.em.contracts.EmEndReason;
import uk.gov.em.hub.cases.domain.Attention;
import uk.gov.em.hub.cases.domain.ContactMethod;
import uk.gov.em.hub.cases.domain.NoFurtherActionReason;
import uk.gov.em.hub.cases.domain.NotifiedParty;
import uk.gov.em.hub.cases.domain.ProsecutionDecision;
import uk.gov.em.hub.cases.domain.ProsecutionOutcome;
import uk.gov.em.hub.cases.domain.ReviewOutcome;
import uk.gov.em.hub.cases.domain.SafeguardingOutcome;

import java.util.Arrays;
import java.util.List;

/**
 * The words pages show for the casework codes of the time targets, outcomes and reasons (pages show
 * words, the API codes). One place, so a page and its form never disagree.
 */
public final class CaseWords {

    /** A choice on a form: the code sent and the words shown. */
    public record Choice(String value, String label) {
    }

    private CaseWords() {
    }

    public static String attention(Attention a) {
        return a == null ? null : switch (a) {
            case NO_MITIGATION_BY_DEADLINE -> "No mitigation by the deadline";
            case EM_ENDED -> "EM has ended: close the case";
        };
    }

    public static String emEndReason(EmEndReason r) {
        return switch (r) {
            case TAG_REMOVED -> "Tag removed";
            case BAIL_ENDED -> "Bail ended";
            case REMOVED_FROM_UK -> "Removed from the UK";
            case DETAINED -> "Detained";
        };
    }

    public static String reviewOutcome(ReviewOutcome o) {
        return switch (o) {
            case CONTINUE -> "Continue as now";
            case VARY_CONDITIONS -> "Vary the conditions";
            case REMOVE_TAG -> "Remove the tag";
            case MOVE_TO_NON_FITTED -> "Move to a non-fitted device";
        };
    }

    public static String noFurtherActionReason(NoFurtherActionReason r) {
        return switch (r) {
            case DEVICE_FAULT -> "Device fault";
            case SUPPLIER_ERROR -> "Supplier error";
            case MITIGATION_ACCEPTED -> "Mitigation accepted";
            case NOT_A_BREACH -> "Not a breach";
            case OTHER -> "Other (say why in the note)";
        };
    }

    public static String prosecutionDecision(ProsecutionDecision d) {
        return switch (d) {
            case CHARGED -> "Charged";
            case NOT_CHARGED -> "Not charged";
            case OUT_OF_TIME -> "Out of time";
        };
    }

    public static String prosecutionOutcome(ProsecutionOutcome o) {
        return switch (o) {
            case CONVICTED -> "Convicted";
            case ACQUITTED -> "Acquitted";
            case DISCONTINUED -> "Discontinued";
        };
    }

    public static String contactMethod(ContactMethod m) {
        return switch (m) {
            case PHONE -> "Phone";
            case LETTER -> "Letter";
            case EMAIL -> "Email";
            case VISIT -> "Visit";
        };
    }

    public static String party(NotifiedParty p) {
        return switch (p) {
            case OFFENDER_MANAGER -> "Offender manager";
            case LEGAL_REPRESENTATIVE -> "Legal representative";
            case RETURNS_CASEWORKER -> "Returns case worker";
        };
    }

    public static String safeguardingOutcome(SafeguardingOutcome o) {
        return switch (o) {
            case ACTION_TAKEN -> "The agency took action";
            case NO_ACTION -> "The agency took no action";
            case REFERRED_ELSEWHERE -> "Referred elsewhere";
        };
    }

    /** The words for any outcome or reason code an action recorded, or the code if it is none of them. */
    public static String outcomeOrReason(String code) {
        if (code == null) {
            return null;
        }
        for (ReviewOutcome o : ReviewOutcome.values()) {
            if (o.name().equals(code)) {
                return reviewOutcome(o);
            }
        }
        for (NoFurtherActionReason r : NoFurtherActionReason.values()) {
            if (r.name().equals(code)) {
                return noFurtherActionReason(r);
            }
        }
        for (ProsecutionDecision d : ProsecutionDecision.values()) {
            if (d.name().equals(code)) {
                return prosecutionDecision(d);
            }
        }
        for (ProsecutionOutcome o : ProsecutionOutcome.values()) {
            if (o.name().equals(code)) {
                return prosecutionOutcome(o);
            }
        }
        for (SafeguardingOutcome o : SafeguardingOutcome.values()) {
            if (o.name().equals(code)) {
                return safeguardingOutcome(o);
            }
        }
        return code;
    }

    public static List<Choice> reviewOutcomes() {
        return Arrays.stream(ReviewOutcome.values()).map(o -> new Choice(o.name(), reviewOutcome(o))).toList();
    }

    public static List<Choice> noFurtherActionReasons() {
        return Arrays.stream(NoFurtherActionReason.values())
                .map(r -> new Choice(r.name(), noFurtherActionReason(r))).toList();
    }

    public static List<Choice> prosecutionDecisions() {
        return Arrays.stream(ProsecutionDecision.values())
                .map(d -> new Choice(d.name(), prosecutionDecision(d))).toList();
    }

    public static List<Choice> prosecutionOutcomes() {
        return Arrays.stream(ProsecutionOutcome.values()).map(o -> new Choice(o.name(), prosecutionOutcome(o))).toList();
    }

    public static List<Choice> contactMethods() {
        return Arrays.stream(ContactMethod.values()).map(m -> new Choice(m.name(), contactMethod(m))).toList();
    }

    public static List<Choice> parties() {
        return Arrays.stream(NotifiedParty.values()).map(p -> new Choice(p.name(), party(p))).toList();
    }

    public static List<Choice> safeguardingOutcomes() {
        return Arrays.stream(SafeguardingOutcome.values())
                .map(o -> new Choice(o.name(), safeguardingOutcome(o))).toList();
    }
}
