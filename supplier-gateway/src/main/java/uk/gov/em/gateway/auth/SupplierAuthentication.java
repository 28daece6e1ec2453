package uk.gov.em.gateway.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import uk.gov.em.contracts.SupplierSignature;
import uk.gov.em.gateway.auth.domain.AuthDecision;
import uk.gov.em.gateway.auth.domain.RequestAuthenticator;
import uk.gov.em.gateway.auth.domain.SignedRequest;

import java.time.Instant;

/** Authenticates an HTTP request from its signature headers and raw body; the web edge of {@link RequestAuthenticator}. */
@Singleton
public class SupplierAuthentication {

    private final RequestAuthenticator authenticator;

    public SupplierAuthentication(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public AuthDecision authenticate(HttpRequest<?> request, byte[] body, Instant now) {
        HttpHeaders headers = request.getHeaders();
        return authenticator.authenticate(new SignedRequest(
                headers.get(SupplierSignature.HEADER_SUPPLIER),
                headers.get(SupplierSignature.HEADER_TIMESTAMP),
                String.join(",", headers.getAll(SupplierSignature.HEADER_SIGNATURE)),
                body), now);
    }
}
