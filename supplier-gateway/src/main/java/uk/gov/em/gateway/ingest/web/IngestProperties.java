package uk.gov.em.gateway.ingest.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the ingest endpoints ({@code gateway.ingest.*}): 64 KiB for one notification, 8 MiB and 1,000
 * notifications for a batch (docs/api/supplier-api.md). Each limit is checked on its own route; the server-wide
 * {@code micronaut.server.max-request-size} is the largest of them.
 */
@ConfigurationProperties("gateway.ingest")
public record IngestProperties(
        @Bindable(defaultValue = "65536") int singleMaxBytes,
        @Bindable(defaultValue = "8388608") int batchMaxBytes,
        @Bindable(defaultValue = "1000") int batchMaxItems) {
}
