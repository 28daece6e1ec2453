package uk.gov.em.hub.dataquality.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import uk.gov.em.contracts.DeadLetterHeaders;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.hub.common.ingest.JsonRecordDecoder;
import uk.gov.em.hub.common.ingest.RecordDecoder;
import uk.gov.em.hub.dataquality.domain.DataQualityKind;
import uk.gov.em.hub.dataquality.domain.DataQualityReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads a record on em.dead-letter as a data-quality exception. Every dead letter can be read: its origin and
 * reason come from the {@link DeadLetterHeaders} (a dead letter without them is described by where it sits on
 * em.dead-letter), its person from the key (every topic is keyed by subject), and its supplier and notification,
 * when the original value is JSON that names them (a notification, a data-quality report), from the value.
 * The original bytes are not copied: they stay on em.dead-letter, where they can be repaired and replayed.
 */
final class DeadLetterDecoder implements RecordDecoder<DataQualityReport> {

    @Override
    public JsonRecordDecoder.Decoded<DataQualityReport> decode(ConsumerRecord<String, byte[]> record) {
        String topic = header(record, DeadLetterHeaders.TOPIC);
        DataQualityReport.Origin origin = topic == null
                ? new DataQualityReport.Origin(record.topic(), record.partition(), record.offset(), null)
                : new DataQualityReport.Origin(topic, number(header(record, DeadLetterHeaders.PARTITION)) instanceof Long p
                        ? Math.toIntExact(p) : null, number(header(record, DeadLetterHeaders.OFFSET)),
                        header(record, DeadLetterHeaders.EXCEPTION));
        String message = header(record, DeadLetterHeaders.MESSAGE);
        JsonNode value = tree(record.value());
        JsonNode notification = value.path("notification");
        String supplier = text(value.path("supplier"));
        String notificationId = text(notification.isObject() ? notification.path("notificationId") : value.path("notificationId"));
        Instant at = Instant.ofEpochMilli(Math.max(0, record.timestamp()));
        return new JsonRecordDecoder.Readable<>(new DataQualityReport(DataQualityKind.DEAD_LETTERED, supplier,
                notificationId, record.key(), message == null ? "No reason was given." : message, null, at, origin));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode tree(byte[] value) {
        if (value == null) {
            return Json.mapper().missingNode();
        }
        try {
            JsonNode tree = Json.mapper().readTree(value);
            return tree == null ? Json.mapper().missingNode() : tree;
        } catch (IOException | RuntimeException e) {
            return Json.mapper().missingNode(); // not JSON: it is probably why it was set aside
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
