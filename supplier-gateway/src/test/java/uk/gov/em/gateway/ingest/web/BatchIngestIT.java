package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.GatewayOnRealKafka;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.minimal;

/** Batches and CSV daily reports through real HTTP onto the real broker: partial acceptance, limits, metrics. */
class BatchIngestIT extends GatewayOnRealKafka {

    private static final String BATCH = "/api/v1/notifications/batch";
    private static final String SUPPLIER = "ems-test";
    private static final String SECRET = "it-secret-0123456789abcdef0123456789";

    @Override
    protected Map<String, String> gatewayProperties() {
        // no rate-limit settings: the defaults of application.yml, including the development supplier's
        return Map.of(
                "gateway.auth.secrets", SUPPLIER + "=" + SECRET + ",ems-dev=dev-secret-change-me-0123456789abcdef,quiet-supplier=quiet-secret-0123456789abcdef0123456789");
    }

    @Test
    void acceptsTheGoodItemsOfAJsonBatchAndRejectsEachBadOneByIndex() {
        String good1 = uniqueId();
        String impossible = uniqueId();
        String good2 = uniqueId();
        String unknownField = uniqueId();
        byte[] body = BadRequestsIT.array(
                minimal().with("notificationId", good1).with("subjectId", "S-B-1").bytes(),
                minimal().with("notificationId", impossible).with("type", "NO_SUCH_TYPE").bytes(),
                minimal().with("notificationId", good2).with("subjectId", "S-B-2").with("type", "AC_POWER_LOSS").bytes(),
                minimal().with("notificationId", unknownField).with("colour", "red").bytes(),
                "42".getBytes(StandardCharsets.UTF_8));
        Instant before = Instant.now();

        HttpResponse<String> response = gateway.send(gateway.signedPost(BATCH, body, SUPPLIER, SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = GatewayClient.json(response);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(rejected(result)).containsExactly(
                "1 " + impossible + " [type]",
                "3 " + unknownField + " [colour]",
                "4 null [$]");
        topic.awaitRecords(List.of(good1, good2));
        ConsumerRecord<String, ReceivedNotification> record = topic.recordsOf(good2).getFirst();
        assertThat(record.key()).isEqualTo("S-B-2");
        assertThat(record.value().supplier()).isEqualTo(SUPPLIER);
        assertThat(record.value().receivedAt()).isBetween(before, Instant.now());
        assertThat(record.value().notification().type()).isEqualTo(BreachType.AC_POWER_LOSS);
        assertThat(topic.seen()).extracting(r -> r.value().notification().notificationId())
                .doesNotContain(impossible, unknownField);
    }

    @Test
    void acceptsTheGoodRowsOfACsvDailyReportReadingAnEmptyCellAsAbsent() {
        String open = uniqueId();
        String bad = uniqueId();
        String closed = uniqueId();
        String csv = "notificationId,subjectId,deviceId,type,occurredAt,endedAt,episodeId\r\n"
                + open + ",S-C-1,,BATTERY_DEPLETED,2022-02-01T10:15:00Z,,EP-" + open + "\r\n"
                + bad + ",S-C-1,GPS-1,STRAP_TAMPER,2022-02-01T10:15:00Z,2022-02-01T09:00:00Z,\r\n"
                + closed + ",S-C-1,GPS-1,BATTERY_DEPLETED,2022-02-01T10:15:00+01:00,2022-02-01T13:40:00Z,EP-" + open + "\r\n";

        HttpResponse<String> response = gateway.send(gateway.signedPost(BATCH, csv.getBytes(StandardCharsets.UTF_8),
                SUPPLIER, SECRET).setHeader("Content-Type", "text/csv; charset=utf-8"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = GatewayClient.json(response);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(rejected(result)).containsExactly("1 " + bad + " [endedAt]");
        topic.awaitRecords(List.of(open, closed));
        assertThat(topic.recordsOf(open).getFirst().value().notification()).isEqualTo(new Notification(open, "S-C-1", null,
                BreachType.BATTERY_DEPLETED, Instant.parse("2022-02-01T10:15:00Z"), null, "EP-" + open, null));
        assertThat(topic.recordsOf(closed).getFirst().value().notification().occurredAt())
                .isEqualTo(Instant.parse("2022-02-01T09:15:00Z"));
        assertThat(topic.seen()).extracting(r -> r.value().notification().notificationId()).doesNotContain(bad);
    }

    @Test
    void acceptsTheSameNotificationTwiceInOneBatch() {
        String id = uniqueId();
        byte[] item = minimal().with("notificationId", id).bytes();

        HttpResponse<String> response = gateway.send(gateway.signedPost(BATCH, BadRequestsIT.array(item, item), SUPPLIER, SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayClient.json(response).get("accepted").asInt()).isEqualTo(2);
        assertThat(topic.awaitRecord(id).value().notification().notificationId()).isEqualTo(id);
    }

    @Test
    void answersAnEmptyBatchWithNothingAcceptedAndNothingRejected() {
        HttpResponse<String> response = gateway.send(gateway.signedPost(BATCH, "[]".getBytes(StandardCharsets.UTF_8),
                SUPPLIER, SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualToIgnoringWhitespace("{\"accepted\":0,\"rejected\":[]}");
    }

    @Test
    void letsTheDevelopmentSupplierBackFillTenThousandNotificationsInBatchesWithoutBeingLimited() {
        List<String> lastOfEachBatch = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            String prefix = "EMS-BF-" + UUID.randomUUID() + "-";
            byte[] body = BadRequestsIT.array(IntStream.range(0, 1000)
                    .mapToObj(i -> minimal().with("notificationId", prefix + i).with("subjectId", "S-BF-" + (i % 50)).bytes())
                    .toArray(byte[][]::new));
            lastOfEachBatch.add(prefix + 999);

            HttpResponse<String> response = gateway.send(gateway.signedPost(BATCH, body, "ems-dev", "dev-secret-change-me-0123456789abcdef"));

            assertThat(response.statusCode()).as("batch %d: %s", batch, response.body()).isEqualTo(200);
            assertThat(GatewayClient.json(response).get("accepted").asInt()).isEqualTo(1000);
        }
        topic.awaitRecords(lastOfEachBatch);
    }

    @Test
    void publishesTheLatencyHistogramAndCountsTheAcceptedNotificationBySupplier() {
        byte[] body = BadRequestsIT.array(minimal().with("notificationId", uniqueId()).bytes());
        assertThat(gateway.send(gateway.signedPost(BATCH, body, SUPPLIER, SECRET)).statusCode()).isEqualTo(200);

        List<String> metrics = gateway.get("/prometheus").body().lines().toList();

        assertThat(metrics).anySatisfy(line -> assertThat(line).startsWith("em_gateway_request_duration_seconds_bucket{")
                .contains("endpoint=\"batch\"").contains("status=\"200\"").contains("le=\""));
        assertThat(metrics).anySatisfy(line -> assertThat(line).startsWith("em_gateway_notifications_accepted_total{")
                .contains("supplier=\"" + SUPPLIER + "\""));
        assertThat(metrics).noneSatisfy(line -> assertThat(line).startsWith("em_gateway_supplier_silence_seconds"));
    }

    /** Each rejected item as "index notificationId [fields]". */
    private static List<String> rejected(JsonNode result) {
        List<String> rejected = new ArrayList<>();
        result.get("rejected").forEach(r -> {
            List<String> fields = new ArrayList<>();
            r.get("problems").forEach(p -> fields.add(p.get("field").asText()));
            rejected.add(r.get("index").asInt() + " " + (r.get("notificationId").isNull() ? "null"
                    : r.get("notificationId").asText()) + " " + fields);
        });
        return rejected;
    }

    private static String uniqueId() {
        return "EMS-BT-" + UUID.randomUUID();
    }
}
