package uk.gov.em.gateway.auth.domain;

/**
 * What a supplier request presents to be authenticated: the three signature headers as sent (any may be
 * null when missing) and the raw body bytes the signature covers.
 */
public record SignedRequest(String supplier, String timestamp, String signature, byte[] body) {
}
