package uk.gov.em.hub.trailrequests.domain;

/**
 * What became of a request for a person's trail data. {@link #APPROVED} may still be followed by the data
 * arriving ({@link #PROVIDED}) or by a later refusal; {@link #REFUSED} and {@link #PROVIDED} settle the
 * request for good.
 */
public enum TrailOutcome {
    APPROVED("approved"),
    REFUSED("refused"),
    PROVIDED("provided by the supplier");

    private final String words;

    TrailOutcome(String words) {
        this.words = words;
    }

    /** The outcome as a page says it. */
    public String words() {
        return words;
    }

    /** Whether no further outcome may follow this one. */
    public boolean settles() {
        return this != APPROVED;
    }
}
