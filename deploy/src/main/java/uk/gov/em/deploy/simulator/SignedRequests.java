package uk.gov.em.deploy.simulator;

import uk.gov.em.contracts.SupplierSignature;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

/** Builds a JSON POST signed the way the supplier API requires (the three {@code X-EM-*} headers). */
public final class SignedRequests {

    private SignedRequests() {
    }

    public static HttpRequest post(URI uri, String supplier, String secret, byte[] json, Instant now) {
        long timestamp = now.getEpochSecond();
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(SupplierSignature.HEADER_SUPPLIER, supplier)
                .header(SupplierSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
                .header(SupplierSignature.HEADER_SIGNATURE, SupplierSignature.sign(secret, timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }
}
