package uk.gov.em.hub.common.web;

/**
 * An RFC 9457 problem detail, the body of every error the hub answers with
 * ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for a person to read
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:uk-gov-em:hub:problem:";

    /** A problem of one of the hub's own types, named by its slug (e.g. {@code unknown-queue}). */
    public static Problem ofType(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail);
    }

    /** A problem that the HTTP status describes fully. */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
