package uk.gov.em.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path MONITORING = Path.of(System.getProperty("user.dir")).resolve("k8s/monitoring");

    @Test
    void thePrometheusConfigurationScrapesEachServicesPrometheusPageLabelledWithItsName() throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("supplier-gateway", "localhost:58081");
        targets.put("hub-service", "localhost:58080");

        JsonNode config = YAML.readTree(Observability.prometheusConfig(targets, Path.of("/tmp/rules.yml")));

        JsonNode job = config.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/prometheus");
        assertThat(job.path("static_configs")).hasSize(2);
        assertThat(job.path("static_configs").get(1).path("targets").get(0).asText()).isEqualTo("localhost:58080");
        assertThat(job.path("static_configs").get(1).path("labels").path("service").asText()).isEqualTo("hub-service");
        assertThat(config.path("rule_files").get(0).asText()).isEqualTo("/tmp/rules.yml");
    }

    @Test
    void theLocalRuleFileHoldsExactlyTheClustersAlertRuleGroups() throws Exception {
        String resource = Files.readString(MONITORING.resolve("prometheus-rules.yaml"));

        JsonNode rules = YAML.readTree(Observability.rulesFrom(resource));

        assertThat(rules.path("groups")).isNotEmpty();
        assertThat(rules.path("groups")).isEqualTo(YAML.readTree(resource).path("spec").path("groups"));
    }
}
