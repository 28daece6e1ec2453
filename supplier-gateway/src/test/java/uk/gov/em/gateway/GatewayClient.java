package uk.gov.em.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.em.contracts.SupplierSignature;
import uk.gov.em.contracts.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A supplier's view of the gateway in tests: signed (or deliberately mis-signed) raw HTTP requests. */
public final class GatewayClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public GatewayClient(URL base) {
        this.base = URI.create(base.toString());
    }

    /** A POST of these raw bytes, signed now by {@code supplier} with {@code secret}, as application/json. */
    public HttpRequest.Builder signedPost(String path, byte[] body, String supplier, String secret) {
        long timestamp = Instant.now().getEpochSecond();
        return post(path, body)
                .header("Content-Type", "application/json")
                .header(SupplierSignature.HEADER_SUPPLIER, supplier)
                .header(SupplierSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
                .header(SupplierSignature.HEADER_SIGNATURE, SupplierSignature.sign(secret, timestamp, body));
    }

    /** An unsigned POST of these raw bytes, no headers at all. */
    public HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
