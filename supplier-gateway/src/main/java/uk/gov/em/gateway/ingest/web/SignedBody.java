package uk.gov.em.gateway.ingest.web;

import java.time.Instant;

/**
 * What {@link SignedIngestFilter} puts on a request it let through, for the controller to parse and publish: the
 * authenticated supplier, when the request was received, the body exactly as signed, and the form it is read in.
 *
 * @param supplier   the supplier whose signature the body carries
 * @param receivedAt the server clock when the body had been read and checked
 * @param raw        the body's bytes, within the route's size limit
 * @param form       how the body is read (always {@link BatchContentType#JSON} on the single-notification route)
 */
record SignedBody(String supplier, Instant receivedAt, byte[] raw, BatchContentType form) {

    /** The request attribute the filter sets and the controllers bind. */
    static final String ATTRIBUTE = "em.signed-body";
}
