package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.em.contracts.SupplierSignature;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.ingest.domain.NotificationJson;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ProblemAssertions.assertProblem;
import static uk.gov.em.gateway.ProblemAssertions.fields;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.minimal;

/**
 * Every way a supplier request can be wrong, through real HTTP, each with the exact status, problem type and
 * named fields the contract promises. One row a case; the table is the specification of refusals.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsIT implements TestPropertyProvider {

    private static final String SINGLE = "/api/v1/notifications";
    private static final String BATCH = "/api/v1/notifications/batch";
    private static final String SUPPLIER = "ems-test";
    private static final String SECRET = "current-secret-0123456789abcdef0123456789";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String CSV_HEADER = "notificationId,subjectId,type,occurredAt\n";
    private static final String CSV_ROW = "EMS-1,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n";

    @Inject
    EmbeddedServer server;

    private GatewayClient gateway;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                // ems-test is rotating from current-secret-0123456789abcdef0123456789 to next-secret-0123456789abcdef0123456789; retired-secret-0123456789abcdef0123456789 is gone
                "gateway.auth.secrets", SUPPLIER + "=" + SECRET + "|next-secret-0123456789abcdef0123456789,other-supplier=other-secret-0123456789abcdef0123456789,"
                        + "throttled=throttled-secret-0123456789abcdef0123456789,careless=careless-secret-0123456789abcdef0123456789",
                "gateway.rate-limit.overrides", "throttled=1/1,careless=1/1");
    }

    @BeforeAll
    void connect() {
        gateway = new GatewayClient(server.getURL());
    }

    /** One bad request and exactly how the gateway must refuse it. */
    record Case(String name, Function<GatewayClient, HttpResponse<String>> send, int status, String slug,
            List<String> fields) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badRequests() {
        byte[] body = minimal().bytes();
        return Stream.of(
                // authentication: 401, and nothing about the body is revealed
                unauthenticated("no signature headers at all", g -> g.send(g.post(SINGLE, body).header("Content-Type", JSON))),
                unauthenticated("no X-EM-Supplier", g -> g.send(headers(g, SINGLE, body, JSON, null,
                        Long.toString(now()), SupplierSignature.sign(SECRET, now(), body)))),
                unauthenticated("no X-EM-Timestamp", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER, null,
                        SupplierSignature.sign(SECRET, now(), body)))),
                unauthenticated("no X-EM-Signature", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER, Long.toString(now()), null))),
                unauthenticated("a guessed secret", g -> g.send(g.signedPost(SINGLE, body, SUPPLIER, "guessed"))),
                unauthenticated("another supplier's secret", g -> g.send(g.signedPost(SINGLE, body, SUPPLIER, "other-secret-0123456789abcdef0123456789"))),
                unauthenticated("an unknown supplier", g -> g.send(g.signedPost(SINGLE, body, "nobody", SECRET))),
                unauthenticated("a secret retired by key rotation", g -> g.send(g.signedPost(SINGLE, body, SUPPLIER, "retired-secret-0123456789abcdef0123456789"))),
                unauthenticated("several v1 values none of them right", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER,
                        Long.toString(now()), SupplierSignature.sign("retired-secret-0123456789abcdef0123456789", now(), body) + ","
                                + SupplierSignature.sign("guessed", now(), body)))),
                unauthenticated("a v2 signature", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER, Long.toString(now()),
                        SupplierSignature.sign(SECRET, now(), body).replace("v1=", "v2=")))),
                unauthenticated("a stale timestamp 301 s old", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER,
                        Long.toString(now() - 301), SupplierSignature.sign(SECRET, now() - 301, body)))),
                unauthenticated("a future timestamp 301 s ahead", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER,
                        Long.toString(now() + 301), SupplierSignature.sign(SECRET, now() + 301, body)))),
                unauthenticated("a timestamp in milliseconds", g -> g.send(headers(g, SINGLE, body, JSON, SUPPLIER,
                        Long.toString(now() * 1000), SupplierSignature.sign(SECRET, now() * 1000, body)))),
                unauthenticated("a body changed after signing", g -> g.send(headers(g, SINGLE,
                        minimal().with("subjectId", "S-OTHER").bytes(), JSON, SUPPLIER, Long.toString(now()),
                        SupplierSignature.sign(SECRET, now(), body)))),
                unauthenticated("an unsigned batch", g -> g.send(g.post(BATCH, array(body)).header("Content-Type", JSON))),

                // content type: 415
                unsupported("text/plain", g -> g.send(signed(g, SINGLE, body, "text/plain"))),
                unsupported("no Content-Type", g -> g.send(headers(g, SINGLE, body, null, SUPPLIER, Long.toString(now()),
                        SupplierSignature.sign(SECRET, now(), body)))),
                unsupported("JSON in ISO-8859-1", g -> g.send(signed(g, SINGLE, body, "application/json; charset=ISO-8859-1"))),
                unsupported("CSV to the single endpoint", g -> g.send(signed(g, SINGLE, body, CSV))),
                unsupported("XML to the batch endpoint", g -> g.send(signed(g, BATCH, "<batch/>".getBytes(StandardCharsets.UTF_8),
                        "application/xml"))),
                unsupported("CSV in windows-1252", g -> g.send(signed(g, BATCH, (CSV_HEADER + CSV_ROW).getBytes(StandardCharsets.UTF_8),
                        "text/csv; charset=windows-1252"))),

                // size: 413
                new Case("a single notification over 64 KiB", g -> g.send(signed(g, SINGLE,
                        minimal().with("deviceId", "x".repeat(64 * 1024)).bytes(), JSON)), 413, "body-too-large", List.of()),
                new Case("a batch over 8 MiB", g -> g.send(signed(g, BATCH, new byte[8 * 1024 * 1024 + 1], JSON)),
                        413, "body-too-large", List.of()),
                new Case("a batch of 1,001 notifications", g -> g.send(signed(g, BATCH, array(IntStream.range(0, 1001)
                        .mapToObj(i -> minimal().with("notificationId", "EMS-B-" + i).bytes()).toArray(byte[][]::new)), JSON)),
                        413, "too-many-notifications", List.of()),
                new Case("a CSV report of 1,001 rows", g -> g.send(signed(g, BATCH,
                        (CSV_HEADER + CSV_ROW.repeat(1001)).getBytes(StandardCharsets.UTF_8), CSV)),
                        413, "too-many-notifications", List.of()),

                // malformed single notifications: 400 naming each bad field
                malformed("bytes that are not JSON", "{\"notificationId\": ", "$"),
                malformed("an empty body", "", "$"),
                malformed("a JSON array to the single endpoint", "[" + minimal().text() + "]", "$"),
                malformed("content after the object", minimal().text() + " {}", "$"),
                malformed("a duplicated key", "{\"notificationId\":\"A\"," + minimal().text().substring(1), "notificationId"),
                malformed("no notificationId", minimal().without("notificationId"), "notificationId"),
                malformed("no subjectId", minimal().without("subjectId"), "subjectId"),
                malformed("no type", minimal().without("type"), "type"),
                malformed("no occurredAt", minimal().without("occurredAt"), "occurredAt"),
                malformed("an empty notificationId", minimal().with("notificationId", ""), "notificationId"),
                malformed("a notificationId of 129 characters", minimal().with("notificationId", "N".repeat(129)), "notificationId"),
                malformed("a notificationId with a slash", minimal().with("notificationId", "EMS/1"), "notificationId"),
                malformed("a numeric notificationId", minimal().with("notificationId", 123), "notificationId"),
                malformed("a subjectId of 65 characters", minimal().with("subjectId", "S".repeat(65)), "subjectId"),
                malformed("a subjectId with a space", minimal().with("subjectId", "S 1"), "subjectId"),
                malformed("a deviceId of 65 characters", minimal().with("deviceId", "D".repeat(65)), "deviceId"),
                malformed("a numeric deviceId", minimal().with("deviceId", 88812), "deviceId"),
                malformed("an empty episodeId", minimal().with("episodeId", ""), "episodeId"),
                malformed("an episodeId of 129 characters", minimal().with("episodeId", "E".repeat(129)), "episodeId"),
                malformed("a numeric type", minimal().with("type", 3), "type"),
                malformed("an occurredAt without seconds", minimal().with("occurredAt", "2022-02-01T10:15Z"), "occurredAt"),
                malformed("an occurredAt without an offset", minimal().with("occurredAt", "2022-02-01T10:15:00"), "occurredAt"),
                malformed("an occurredAt that is a date", minimal().with("occurredAt", "2022-02-01"), "occurredAt"),
                malformed("an occurredAt as epoch seconds", minimal().with("occurredAt", 1643710500), "occurredAt"),
                malformed("an impossible calendar date", minimal().with("occurredAt", "2022-02-30T10:15:00Z"), "occurredAt"),
                malformed("a malformed endedAt", minimal().with("endedAt", "yesterday"), "endedAt"),
                malformed("details that are a string", minimal().with("details", "note"), "details"),
                malformed("details with a nested object", minimal().with("details",
                        JsonNodeFactory.instance.objectNode().set("where", JsonNodeFactory.instance.objectNode())), "details.where"),
                malformed("details over 4 KiB", minimal().with("details",
                        JsonNodeFactory.instance.objectNode().put("note", "n".repeat(4100))), "details"),
                malformed("a typo of a field name", minimal().without("occurredAt").with("occuredAt", "2022-02-01T10:15:00Z"),
                        "occurredAt", "occuredAt"),
                malformed("location coordinates", minimal().with("latitude", "51.5").with("longitude", "-0.12"),
                        "latitude", "longitude"),
                malformed("an impossible type and an unknown field together", minimal().with("type", "NOPE").with("colour", "red"),
                        "type", "colour"),

                // well-formed but impossible: 422
                impossible("an unknown type", minimal().with("type", "BATTERY_LOW"), "type"),
                impossible("a type in lower case", minimal().with("type", "strap_tamper"), "type"),
                impossible("endedAt before occurredAt", minimal().with("endedAt", "2022-02-01T10:14:59Z"), "endedAt"),
                impossible("an occurredAt more than 5 minutes ahead", minimal().with("occurredAt",
                        Instant.now().plusSeconds(600).toString()), "occurredAt"),
                impossible("an occurredAt before 2000", minimal().with("occurredAt", "1999-12-31T23:59:59Z"), "occurredAt"),
                impossible("an endedAt more than 5 minutes ahead", minimal().with("endedAt",
                        Instant.now().plusSeconds(600).toString()), "endedAt"),

                // batches that cannot be read at all: 400 whole
                malformedBatch("a batch that is not JSON", "[{\"notificationId\":", JSON, "$"),
                malformedBatch("a batch that is an object", minimal().text(), JSON, "$"),
                malformedBatch("a batch with content after the array", "[] []", JSON, "$"),
                malformedBatch("an empty CSV report", "", CSV, "$"),
                malformedBatch("a CSV report with an unclosed quote", CSV_HEADER + "\"EMS-1,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n",
                        CSV, "$"),
                malformedBatch("a CSV header with a misspelt column", "notificationId,subjectId,type,occuredAt\n" + CSV_ROW, CSV,
                        "occuredAt", "occurredAt"),
                malformedBatch("a CSV header with a details column", "notificationId,subjectId,type,occurredAt,details\n", CSV,
                        "details"),
                malformedBatch("a CSV header without subjectId", "notificationId,type,occurredAt\nEMS-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n",
                        CSV, "subjectId"),
                new Case("a CSV report that is not UTF-8", g -> g.send(signed(g, BATCH,
                        (CSV_HEADER + "EMS-\u00e9,S-1,STRAP_TAMPER,2022-02-01T10:15:00Z\n").getBytes(StandardCharsets.ISO_8859_1), CSV)),
                        400, "malformed-batch", List.of("$")),

                // rate limit: 429 with Retry-After (throttled may send 1 notification, then 1 an hour... per second here)
                new Case("a supplier over its rate limit", g -> {
                    byte[] first = minimal().with("notificationId", "EMS-T-1").bytes();
                    byte[] second = array(minimal().with("notificationId", "EMS-T-2").bytes());
                    g.send(g.signedPost(SINGLE, first, "throttled", "throttled-secret-0123456789abcdef0123456789"));
                    return g.send(g.signedPost(BATCH, second, "throttled", "throttled-secret-0123456789abcdef0123456789"));
                }, 429, "rate-limited", List.of()),
                new Case("a supplier whose refused batch used up its allowance", g -> {
                    g.send(g.signedPost(BATCH, "not json".getBytes(StandardCharsets.UTF_8), "careless", "careless-secret-0123456789abcdef0123456789"));
                    return g.send(g.signedPost(SINGLE, minimal().with("notificationId", "EMS-C-1").bytes(), "careless",
                            "careless-secret-0123456789abcdef0123456789"));
                }, 429, "rate-limited", List.of()),
                new Case("a batch larger than the supplier's whole burst", g -> g.send(g.signedPost(BATCH,
                        array(minimal().bytes(), minimal().bytes()), "throttled", "throttled-secret-0123456789abcdef0123456789")),
                        413, "too-many-notifications", List.of()));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("badRequests")
    void refusesWithTheExactStatusAndNamesEveryBadField(Case bad) {
        HttpResponse<String> response = bad.send().apply(gateway);

        JsonNode problem = assertProblem(response, bad.status(), bad.slug());
        assertThat(fields(problem)).as(response.body()).containsExactlyElementsOf(bad.fields());
        if (bad.status() == 429) {
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        }
        if (bad.status() == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void tableHoldsAtLeastFortyDistinctBadRequests() {
        List<Case> cases = badRequests().toList();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(Case::name).collect(Collectors.toSet())).hasSameSizeAs(cases);
        assertThat(cases.stream().map(Case::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(400, 401, 413, 415, 422, 429);
    }

    /** Read when a case runs, not when the table is built: the replay window is only 300 s. */
    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static Case unauthenticated(String name, Function<GatewayClient, HttpResponse<String>> send) {
        return new Case(name, send, 401, "unauthenticated", List.of());
    }

    private static Case unsupported(String name, Function<GatewayClient, HttpResponse<String>> send) {
        return new Case(name, send, 415, "unsupported-media-type", List.of());
    }

    private static Case malformed(String name, NotificationJson body, String... fields) {
        return malformed(name, body.text(), fields);
    }

    private static Case malformed(String name, String body, String... fields) {
        return new Case(name, g -> g.send(signed(g, SINGLE, body.getBytes(StandardCharsets.UTF_8), JSON)), 400,
                "malformed-notification", Arrays.asList(fields));
    }

    private static Case impossible(String name, NotificationJson body, String... fields) {
        return new Case(name, g -> g.send(signed(g, SINGLE, body.bytes(), JSON)), 422, "impossible-notification",
                Arrays.asList(fields));
    }

    private static Case malformedBatch(String name, String body, String contentType, String... fields) {
        return new Case(name, g -> g.send(signed(g, BATCH, body.getBytes(StandardCharsets.UTF_8), contentType)), 400,
                "malformed-batch", Arrays.asList(fields));
    }

    private static HttpRequest.Builder signed(GatewayClient g, String path, byte[] body, String contentType) {
        return g.signedPost(path, body, SUPPLIER, SECRET).setHeader("Content-Type", contentType);
    }

    /** A request with exactly these headers; a null value leaves the header out. */
    private static HttpRequest.Builder headers(GatewayClient g, String path, byte[] body, String contentType,
            String supplier, String timestamp, String signature) {
        HttpRequest.Builder request = g.post(path, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (supplier != null) {
            request.header(SupplierSignature.HEADER_SUPPLIER, supplier);
        }
        if (timestamp != null) {
            request.header(SupplierSignature.HEADER_TIMESTAMP, timestamp);
        }
        if (signature != null) {
            request.header(SupplierSignature.HEADER_SIGNATURE, signature);
        }
        return request;
    }

    static byte[] array(byte[]... items) {
        return ("[" + Arrays.stream(items).map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining(","))
                + "]").getBytes(StandardCharsets.UTF_8);
    }
}
