package uk.gov.em.hub.dataquality.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@value #METRIC}{@code {topic, outcome}}: data-quality reports and dead letters read, by what the hub did with them. */
final class DataQualityMetrics {

    static final String METRIC = "em.hub.data.quality.exceptions";

    private DataQualityMetrics() {
    }

    static Counter outcome(MeterRegistry registry, String topic, String outcome) {
        return Counter.builder(METRIC)
                .description("Data-quality reports and dead letters read, by topic and what the hub did with them")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }
}
