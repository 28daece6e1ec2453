package uk.gov.em.gateway.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.gov.em.contracts.json.Json;

import java.nio.charset.StandardCharsets;

/** Test data: a valid notification as JSON, to be bent one field at a time. */
public final class NotificationJson {

    private final ObjectNode node;

    private NotificationJson(ObjectNode node) {
        this.node = node;
    }

    /** The example of docs/api/supplier-api.md. */
    public static NotificationJson valid() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("notificationId", "EMS-000123");
        n.put("subjectId", "S-100045");
        n.put("deviceId", "GPS-88812");
        n.put("type", "BATTERY_DEPLETED");
        n.put("occurredAt", "2022-02-01T10:15:00Z");
        n.put("endedAt", "2022-02-01T13:40:00Z");
        n.put("episodeId", "EMS-EP-9931");
        n.putObject("details").put("note", "device back on charge before report");
        return new NotificationJson(n);
    }

    /** Only the required fields. */
    public static NotificationJson minimal() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("notificationId", "EMS-000124");
        n.put("subjectId", "S-100045");
        n.put("type", "STRAP_TAMPER");
        n.put("occurredAt", "2022-02-01T10:15:00Z");
        return new NotificationJson(n);
    }

    public NotificationJson with(String field, String value) {
        node.put(field, value);
        return this;
    }

    public NotificationJson with(String field, JsonNode value) {
        node.set(field, value);
        return this;
    }

    public NotificationJson with(String field, int value) {
        node.put(field, value);
        return this;
    }

    public NotificationJson without(String field) {
        node.remove(field);
        return this;
    }

    public String text() {
        return Json.toText(node);
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
