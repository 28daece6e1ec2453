package uk.gov.em.hub.dataquality.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code data_quality_exception}: one exception the hub was told of. It is the query side's read
 * model, returned as it is read, so it lives with the queries that return it rather than in persistence.
 */
@MappedEntity("data_quality_exception")
public record DataQualityRow(
        @Id long id,
        String kind,
        @Nullable String supplier,
        @Nullable @MappedProperty("notification_id") String notificationId,
        @Nullable @MappedProperty("subject_id") String subjectId,
        String detail,
        @Nullable @MappedProperty("event_time") Instant eventTime,
        @MappedProperty("detected_at") Instant detectedAt,
        @Nullable @MappedProperty("origin_topic") String originTopic,
        @Nullable @MappedProperty("origin_partition") Integer originPartition,
        @Nullable @MappedProperty("origin_offset") Long originOffset,
        @Nullable String exception) {
}
