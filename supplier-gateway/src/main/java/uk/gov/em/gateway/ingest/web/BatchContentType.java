package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The two forms a batch may take, told apart by Content-Type: a JSON array, or a CSV daily report. UTF-8 only. */
enum BatchContentType {
    JSON, CSV;

    static final String ACCEPTED = MediaType.APPLICATION_JSON + ", " + MediaType.TEXT_CSV;

    /** The form of the batch, or empty when the content type is neither (or names a charset other than UTF-8). */
    static Optional<BatchContentType> of(Optional<MediaType> contentType) {
        if (contentType.isEmpty()) {
            return Optional.empty();
        }
        MediaType type = contentType.get();
        Optional<String> charset = type.getParameters().get("charset");
        if (charset.isPresent() && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.get().strip())) {
            return Optional.empty();
        }
        if (MediaType.APPLICATION_JSON.equalsIgnoreCase(type.getName())) {
            return Optional.of(JSON);
        }
        if (MediaType.TEXT_CSV.equalsIgnoreCase(type.getName())) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
