package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Whether a request's content type is JSON the gateway reads: {@code application/json}, UTF-8 if a charset is named. */
final class JsonContentType {

    private JsonContentType() {
    }

    /** Empty when acceptable, else why not (safe to show the caller). */
    static Optional<String> problemWith(Optional<MediaType> contentType) {
        if (contentType.isEmpty()) {
            return Optional.of("Content-Type must be application/json");
        }
        MediaType type = contentType.get();
        if (!MediaType.APPLICATION_JSON.equalsIgnoreCase(type.getName())) {
            return Optional.of("Content-Type must be application/json, not " + type.getName());
        }
        Optional<String> charset = type.getParameters().get("charset");
        if (charset.isPresent() && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.get().strip())) {
            return Optional.of("JSON must be sent as UTF-8");
        }
        return Optional.empty();
    }
}
