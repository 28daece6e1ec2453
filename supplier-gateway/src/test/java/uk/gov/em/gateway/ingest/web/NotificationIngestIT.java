package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.SupplierSignature;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.GatewayOnRealKafka;
import uk.gov.em.gateway.NotificationsTopic;
import uk.gov.em.gateway.ingest.domain.NotificationJson;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ProblemAssertions.assertProblem;
import static uk.gov.em.gateway.ProblemAssertions.fields;

class NotificationIngestIT extends GatewayOnRealKafka {

    private static final String PATH = "/api/v1/notifications";
    private static final String SUPPLIER = "ems-test";
    private static final String SECRET = "it-secret-0123456789abcdef0123456789";

    @Override
    protected Map<String, String> gatewayProperties() {
        return Map.of(
                "gateway.auth.secrets", SUPPLIER + "=retired-secret-0123456789abcdef0123456789|" + SECRET + ",other-supplier=other-secret-0123456789abcdef0123456789");
    }

    @Test
    void acceptsASignedNotificationAndPutsExactlyItOnKafkaKeyedBySubject() {
        String id = uniqueId();
        byte[] body = NotificationJson.valid().with("notificationId", id).with("subjectId", "S-IT-1").bytes();
        Instant before = Instant.now();

        HttpResponse<String> response = gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(GatewayClient.json(response).get("notificationId").asText()).isEqualTo(id);
        assertThat(GatewayClient.json(response).get("status").asText()).isEqualTo("accepted");
        ConsumerRecord<String, ReceivedNotification> record = awaitRecord(id);
        ReceivedNotification received = record.value();
        assertThat(record.key()).isEqualTo("S-IT-1");
        assertThat(received.receivedAt()).isBetween(before, Instant.now());
        assertThat(received).isEqualTo(new ReceivedNotification(SUPPLIER, received.receivedAt(), new Notification(
                id, "S-IT-1", "GPS-88812", BreachType.BATTERY_DEPLETED, Instant.parse("2022-02-01T10:15:00Z"),
                Instant.parse("2022-02-01T13:40:00Z"), "EMS-EP-9931",
                Map.of("note", "device back on charge before report"))));
        assertThat(header(record, "em-supplier")).isEqualTo(SUPPLIER);
        assertThat(Instant.parse(header(record, "em-received-at"))).isEqualTo(received.receivedAt());
        assertThat(topic.recordsOf(id)).hasSize(1);
    }

    @Test
    void recordsTheAuthenticatedSupplierAsTheSender() {
        String id = uniqueId();
        byte[] body = NotificationJson.minimal().with("notificationId", id).bytes();

        assertThat(gateway.send(gateway.signedPost(PATH, body, "other-supplier", "other-secret-0123456789abcdef0123456789")).statusCode())
                .isEqualTo(202);

        assertThat(awaitRecord(id).value().supplier()).isEqualTo("other-supplier");
    }

    @Test
    void acceptsTheRetiredSecretWhileASupplierRotatesItsKey() {
        byte[] body = NotificationJson.minimal().with("notificationId", uniqueId()).bytes();

        assertThat(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, "retired-secret-0123456789abcdef0123456789")).statusCode()).isEqualTo(202);
    }

    @Test
    void refusesAnUnsignedRequest() {
        HttpResponse<String> response = gateway.send(gateway.post(PATH, NotificationJson.minimal().bytes())
                .header("Content-Type", "application/json"));

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void refusesARequestSignedWithTheWrongSecret() {
        byte[] body = NotificationJson.minimal().bytes();

        assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, "guessed-secret-0123456789abcdef0123456789")), 401, "unauthenticated");
    }

    @Test
    void refusesASupplierSigningAsAnother() {
        byte[] body = NotificationJson.minimal().bytes();

        assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, "other-secret-0123456789abcdef0123456789")), 401, "unauthenticated");
    }

    @Test
    void refusesAStaleTimestampEvenWhenTheSignatureIsRight() {
        byte[] body = NotificationJson.minimal().bytes();
        long stale = Instant.now().minusSeconds(301).getEpochSecond();
        HttpRequest.Builder request = gateway.post(PATH, body)
                .header("Content-Type", "application/json")
                .header(SupplierSignature.HEADER_SUPPLIER, SUPPLIER)
                .header(SupplierSignature.HEADER_TIMESTAMP, Long.toString(stale))
                .header(SupplierSignature.HEADER_SIGNATURE, SupplierSignature.sign(SECRET, stale, body));

        JsonNode problem = assertProblem(gateway.send(request), 401, "unauthenticated");
        assertThat(problem.get("detail").asText()).contains("300 s");
    }

    @Test
    void refusesAContentTypeOtherThanJson() {
        byte[] body = NotificationJson.minimal().bytes();

        assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)
                .setHeader("Content-Type", "text/plain")), 415, "unsupported-media-type");
    }

    @Test
    void refusesAnUnknownFieldNamingIt() {
        byte[] body = NotificationJson.minimal().without("occurredAt").with("occuredAt", "2022-02-01T10:15:00Z").bytes();

        JsonNode problem = assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)),
                400, "malformed-notification");
        assertThat(fields(problem)).containsExactly("occurredAt", "occuredAt");
    }

    @Test
    void refusesMalformedJson() {
        byte[] body = "{\"notificationId\": ".getBytes(StandardCharsets.UTF_8);

        JsonNode problem = assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)),
                400, "malformed-notification");
        assertThat(fields(problem)).containsExactly("$");
    }

    @Test
    void refusesAnUnknownTypeAsUnprocessable() {
        byte[] body = NotificationJson.minimal().with("type", "BATTERY_LOW").bytes();

        JsonNode problem = assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)),
                422, "impossible-notification");
        assertThat(fields(problem)).containsExactly("type");
    }

    @Test
    void refusesABodyOverSixtyFourKibibytes() {
        String padding = "x".repeat(64 * 1024);
        byte[] body = NotificationJson.minimal().with("deviceId", padding).bytes();

        JsonNode problem = assertProblem(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)),
                413, "body-too-large");
        assertThat(problem.get("detail").asText()).contains("65536");
    }

    @Test
    void putsNothingOnKafkaForARefusedNotification() {
        String subject = "S-IT-" + UUID.randomUUID();
        List<String> refusedIds = new ArrayList<>();
        for (NotificationJson refused : List.of(
                NotificationJson.minimal().with("type", "NO_SUCH_TYPE"),
                NotificationJson.minimal().with("colour", "red"),
                NotificationJson.minimal().with("occurredAt", "2099-01-01T00:00:00Z"))) {
            String id = uniqueId();
            refusedIds.add(id);
            byte[] body = refused.with("notificationId", id).with("subjectId", subject).bytes();
            assertThat(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)).statusCode()).isIn(400, 422);
        }
        String acceptedId = uniqueId();
        byte[] accepted = NotificationJson.minimal().with("notificationId", acceptedId).with("subjectId", subject).bytes();
        assertThat(gateway.send(gateway.signedPost(PATH, accepted, SUPPLIER, SECRET)).statusCode()).isEqualTo(202);

        // one key, one partition: anything refused but published would have arrived before the accepted one
        awaitRecord(acceptedId);
        assertThat(topic.seen()).extracting(r -> r.value().notification().notificationId()).doesNotContainAnyElementsOf(refusedIds);
    }

    @Test
    void reportsHealthyWhileKafkaAnswers() {
        HttpResponse<String> health = gateway.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(health).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void countsAcceptedAndRejectedNotificationsForPrometheus() {
        byte[] body = NotificationJson.minimal().with("notificationId", uniqueId()).with("type", "AC_POWER_LOSS").bytes();
        assertThat(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, SECRET)).statusCode()).isEqualTo(202);
        assertThat(gateway.send(gateway.signedPost(PATH, body, SUPPLIER, "wrong")).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = gateway.get("/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines())
                .anySatisfy(line -> assertThat(line).startsWith("em_gateway_notifications_accepted_total{")
                        .contains("supplier=\"ems-test\"").contains("type=\"AC_POWER_LOSS\""))
                .anySatisfy(line -> assertThat(line).startsWith("em_gateway_notifications_rejected_total{")
                        .contains("reason=\"unauthenticated\"").contains("supplier=\"unknown\""))
                .anySatisfy(line -> assertThat(line).startsWith("em_gateway_request_duration_seconds_bucket{")
                        .contains("endpoint=\"single\"").contains("status=\"202\""))
                .anySatisfy(line -> assertThat(line).startsWith("em_gateway_request_duration_seconds_bucket{")
                        .contains("endpoint=\"single\"").contains("status=\"401\""));
    }

    private ConsumerRecord<String, ReceivedNotification> awaitRecord(String notificationId) {
        return topic.awaitRecord(notificationId);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return NotificationsTopic.header(record, name);
    }

    private static String uniqueId() {
        return "EMS-IT-" + UUID.randomUUID();
    }
}
