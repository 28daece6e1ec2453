package uk.gov.em.gateway.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLatencyFilterTest {

    @Test
    void namesTheEndpointByItsPathSoTheTagSetStaysSmall() {
        assertThat(RequestLatencyFilter.endpoint("/api/v1/notifications")).isEqualTo("single");
        assertThat(RequestLatencyFilter.endpoint("/api/v1/notifications/batch")).isEqualTo("batch");
        assertThat(RequestLatencyFilter.endpoint("/api/v1/notifications/anything-else")).isEqualTo("other");
    }
}
