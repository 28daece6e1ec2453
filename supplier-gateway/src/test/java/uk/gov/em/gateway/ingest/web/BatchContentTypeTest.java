package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8"})
    void readsJsonAsAnArrayOfNotifications(String type) {
        assertThat(BatchContentType.of(Optional.of(MediaType.of(type)))).contains(BatchContentType.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "text/csv;charset=utf-8", "TEXT/CSV"})
    void readsCsvAsADailyReport(String type) {
        assertThat(BatchContentType.of(Optional.of(MediaType.of(type)))).contains(BatchContentType.CSV);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "text/csv; charset=windows-1252", "application/x-ndjson"})
    void refusesAnythingElse(String type) {
        assertThat(BatchContentType.of(Optional.of(MediaType.of(type)))).isEmpty();
    }

    @Test
    void refusesABatchWithoutAContentType() {
        assertThat(BatchContentType.of(Optional.empty())).isEmpty();
    }
}
