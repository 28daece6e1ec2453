package uk.gov.em.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster manifests cannot be applied here (no cluster), so they are checked for what breaks a
 * deployment silently: a variable no service reads, a key missing from its ConfigMap or Secret, a probe
 * that does not ask /health.
 */
class ManifestsTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path K8S = MODULE.resolve("k8s");
    private static final Path REPO = MODULE.getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Variables Micronaut maps onto configuration by itself, without a placeholder in application.yml. */
    private static final Set<String> MICRONAUT_MAPPED = Set.of("MICRONAUT_SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
            "DATASOURCES_DEFAULT_URL", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD");

    @Test
    void everyResourceOfTheKustomizationExists() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.path("resources")) {
            assertThat(K8S.resolve(resource.asText())).as(resource.asText()).isRegularFile();
        }
    }

    @Test
    void everyContainerIsProbedOnHealthAndRunsAsAnUnprivilegedUser() throws IOException {
        List<JsonNode> workloads = workloads();
        assertThat(workloads).extracting(w -> w.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder("supplier-gateway", "breach-streams", "hub-service");
        for (JsonNode workload : workloads) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("containers")) {
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
            }
        }
    }

    @Test
    void everyVariableIsOneItsServiceReadsAndEveryReferencedKeyExists() throws IOException {
        Set<String> configKeys = fieldNames(YAML.readTree(K8S.resolve("config.yaml").toFile()).path("data"));
        Set<String> secretKeys = fieldNames(YAML.readTree(K8S.resolve("secrets.example.yaml").toFile()).path("stringData"));
        for (JsonNode workload : workloads()) {
            String service = workload.path("metadata").path("name").asText();
            Set<String> read = variablesReadBy(service);
            for (JsonNode container : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    assertThat(MICRONAUT_MAPPED.contains(name) || read.contains(name))
                            .as(service + " does not read " + name).isTrue();
                    JsonNode from = env.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        assertThat(configKeys).as(service + " " + name).contains(from.path("configMapKeyRef").path("key").asText());
                    }
                    if (from.has("secretKeyRef")) {
                        assertThat(secretKeys).as(service + " " + name).contains(from.path("secretKeyRef").path("key").asText());
                    }
                }
            }
        }
    }

    @Test
    void theHubNeverHoldsTheSchemaOwnersPasswordOnlyTheMigrationJobDoes() throws IOException {
        JsonNode hub = workloads().stream().filter(w -> w.path("metadata").path("name").asText().equals("hub-service"))
                .findFirst().orElseThrow();
        List<String> hubEnv = new ArrayList<>();
        hub.findValues("env").forEach(env -> env.forEach(e -> hubEnv.add(e.path("name").asText())));
        assertThat(hubEnv).doesNotContain("HUB_DB_MIGRATION_PASSWORD", "HUB_DB_MIGRATION_USER").contains("HUB_DB_MIGRATE");

        JsonNode job = YAML.readTree(K8S.resolve("hub-migrate.yaml").toFile());
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.findValues("secretKeyRef")).anySatisfy(ref -> {
            assertThat(ref.path("name").asText()).isEqualTo("em-hub-migration");
            assertThat(ref.path("key").asText()).isEqualTo("HUB_DB_MIGRATION_PASSWORD");
        });
    }

    private static List<JsonNode> workloads() throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (var files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    for (var docs = YAML.readValues(parser, JsonNode.class); docs.hasNext(); ) {
                        JsonNode doc = docs.next();
                        String kind = doc.path("kind").asText();
                        if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                            found.add(doc);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The environment variables a service's application.yml names in {@code ${NAME...}} placeholders. */
    private static Set<String> variablesReadBy(String service) throws IOException {
        String yml = Files.readString(REPO.resolve(service).resolve("src/main/resources/application.yml"));
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(yml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
