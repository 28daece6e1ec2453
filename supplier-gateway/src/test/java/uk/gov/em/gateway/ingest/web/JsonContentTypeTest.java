package uk.gov.em.gateway.ingest.web;

import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JsonContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"})
    void acceptsJsonInUtf8(String contentType) {
        assertThat(JsonContentType.problemWith(Optional.of(MediaType.of(contentType)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/csv", "application/xml", "application/x-www-form-urlencoded",
            "application/json; charset=iso-8859-1", "application/problem+json"})
    void refusesAnyOtherContentType(String contentType) {
        assertThat(JsonContentType.problemWith(Optional.of(MediaType.of(contentType)))).isPresent();
    }

    @Test
    void refusesARequestWithoutAContentType() {
        assertThat(JsonContentType.problemWith(Optional.empty())).isPresent();
    }
}
