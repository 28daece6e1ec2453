package uk.gov.em.deploy.observability;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoredMetricsTest {

    @Test
    void aQuantileOverAHistogramUsesOnlyItsBucketSeries() {
        assertThat(MonitoredMetrics.names(
                "histogram_quantile(0.95, sum by (le, endpoint) (rate(em_gateway_request_duration_seconds_bucket[5m])))"))
                .containsExactly("em_gateway_request_duration_seconds_bucket");
    }

    @Test
    void labelNamesValuesRegexesAndKeywordsAreNotMetrics() {
        assertThat(MonitoredMetrics.names("""
                max by (supplier) (em_hub_supplier_silence_seconds{supplier=~"ems|other"})
                > on (supplier) group_left max by (supplier) (em_hub_supplier_silence_threshold_seconds)
                and absent(up{service="hub-service"} == 1) unless vector(0) offset 5m"""))
                .containsExactlyInAnyOrder("em_hub_supplier_silence_seconds", "em_hub_supplier_silence_threshold_seconds", "up");
    }

    @Test
    void theNamesOfAnExpositionPageAreItsSeriesNamesWithoutCommentsOrLabels() {
        assertThat(MonitoredMetrics.exported("""
                # HELP em_hub_queue_depth Open cases in the queue
                # TYPE em_hub_queue_depth gauge
                em_hub_queue_depth{queue="warnings"} 3.0
                process_uptime_seconds 12.5
                """)).containsExactlyInAnyOrder("em_hub_queue_depth", "process_uptime_seconds");
    }

    @Test
    void everyDashboardAndAlertOfTheRepositoryQueriesSomeMetric() {
        var used = MonitoredMetrics.usedIn(Path.of(System.getProperty("user.dir")).resolve("k8s/monitoring"));
        assertThat(used).containsKeys("em_hub_supplier_silence_seconds", "em_hub_audit_chain_broken",
                "kafka_consumer_records_lag_records", "up");
        assertThat(used.get("em_hub_supplier_silence_seconds")).anySatisfy(w -> assertThat(w).startsWith("alert EmSupplierSilent"));
    }
}
