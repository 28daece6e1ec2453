package uk.gov.em.gateway.ingest.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the ingest endpoints ({@code gateway.ingest.*}). The single-notification limit is checked
 * per route, so the server-wide {@code micronaut.server.max-request-size} can later be raised for batches.
 */
@ConfigurationProperties("gateway.ingest")
public record IngestProperties(@Bindable(defaultValue = "65536") int singleMaxBytes) {
}
