package uk.gov.em.hub.audit.domain;

import uk.gov.em.contracts.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** The detail of an audit row: a small JSON object of the named values that are present, in order. */
public final class AuditDetail {

    private AuditDetail() {
    }

    /** {@code of("reason", r, "note", null)} is {@code {"reason":"..."}}. */
    public static String of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return Json.toText(map);
    }
}
