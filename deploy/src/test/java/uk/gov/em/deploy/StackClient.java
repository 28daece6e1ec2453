package uk.gov.em.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.deploy.simulator.SignedRequests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Talks to a running stack as its users do: a supplier posting signed notifications to a gateway, a
 * caseworker signing in to a hub and calling its API. Every call names the instance it goes to.
 */
public final class StackClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String supplier;
    private final String secret;

    public StackClient(String supplier, String secret) {
        this.supplier = supplier;
        this.secret = secret;
    }

    public HttpResponse<String> post(String gatewayUrl, Notification notification) throws IOException, InterruptedException {
        return postSigned(gatewayUrl + "/api/v1/notifications", Json.toBytes(notification));
    }

    public HttpResponse<String> postBatch(String gatewayUrl, List<Notification> batch) throws IOException, InterruptedException {
        return postSigned(gatewayUrl + "/api/v1/notifications/batch", Json.toBytes(batch));
    }

    private HttpResponse<String> postSigned(String url, byte[] json) throws IOException, InterruptedException {
        HttpRequest request = SignedRequests.post(URI.create(url), supplier, secret, json, Instant.now());
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and answers the bearer token. */
    public String login(String hubUrl, String user, String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + user + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body()).path("access_token").asText();
    }

    public HttpResponse<String> get(String hubUrl, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} and reads the answer, which must be 200. */
    public JsonNode getJson(String hubUrl, String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(hubUrl, path, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    public HttpResponse<String> postEmpty(String hubUrl, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hubUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status of {@code GET url/health}, or -1 when nothing answers. */
    public int health(String baseUrl) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
