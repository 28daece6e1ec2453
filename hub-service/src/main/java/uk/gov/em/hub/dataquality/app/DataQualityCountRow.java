package uk.gov.em.hub.dataquality.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** How many exceptions of one kind from one supplier (none when not known) were detected in a UTC month. */
@Introspected
public record DataQualityCountRow(String month, @Nullable String supplier, String kind, long count) {
}
