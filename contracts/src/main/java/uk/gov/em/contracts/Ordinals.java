package uk.gov.em.contracts;

/**
 * English ordinals in figures ("1st", "22nd", "113th"): the case record's explanation counts a breach's place on the
 * ladder with them, and the hub's pages use them beyond "ninth" (GOV.UK style: first to ninth in words).
 */
public final class Ordinals {

    private Ordinals() {
    }

    public static String inFigures(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
