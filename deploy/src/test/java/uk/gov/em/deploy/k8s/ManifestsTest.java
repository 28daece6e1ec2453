package uk.gov.em.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.em.infra.KafkaTopics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster manifests cannot be applied here (no cluster), so both overlays are rendered
 * ({@link Kustomize}) and checked for what breaks a deployment or weakens it silently: a field or type the
 * real schema refuses, a variable no service reads, a key missing from its ConfigMap or Secret, a probe that
 * does not ask /health, a container that could write its image or run as root, a floating image tag, a
 * topic that differs from docs/production.md, a Kafka principal allowed more than its service does, a pod
 * outside the network policies.
 */
class ManifestsTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path K8S = MODULE.resolve("k8s");
    private static final Path REPO = MODULE.getParent();
    private static final List<String> SERVICES = List.of("supplier-gateway", "breach-streams", "hub-service");
    /** Variables Micronaut maps onto configuration by itself, without a placeholder in application.yml. */
    private static final Set<String> MICRONAUT_MAPPED = Set.of("MICRONAUT_SERVER_PORT", "DATASOURCES_DEFAULT_URL",
            "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD");
    /** Kafka client settings: every service passes KAFKA_X_Y on to its clients as x.y. */
    private static final Pattern KAFKA_CLIENT_SETTING = Pattern.compile("KAFKA_(BOOTSTRAP_SERVERS|SECURITY_PROTOCOL|SASL_[A-Z_]+|SSL_[A-Z_]+)");
    /** Secrets the operators write: Strimzi's per KafkaUser and its cluster CA, besides secrets.example.yaml. */
    private static final Set<String> STRIMZI_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyRenderedResourceIsValidAgainstTheSchemaOfItsKind(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<String> problems = new ArrayList<>();
        resources.forEach(r -> problems.addAll(ManifestSchemas.problems(r)));
        Kustomize.readAll(K8S.resolve("base/secrets.example.yaml")).forEach(r -> problems.addAll(ManifestSchemas.problems(r)));
        assertThat(problems).isEmpty();
        assertThat(resources).extracting(r -> r.path("kind").asText()).contains("Namespace", "Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser", "Cluster", "Job", "Deployment", "StatefulSet", "PodDisruptionBudget",
                "NetworkPolicy", "PrometheusRule", "PodMonitor", "ConfigMap");
    }

    @Test
    void theSchemaCheckRefusesAnUnknownFieldAWrongTypeAndAnUnknownKind() {
        ObjectNode deployment = find(render("production"), "Deployment", "hub-service").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replica", 2);
        assertThat(ManifestSchemas.problems(deployment)).singleElement().asString().contains("replica");

        ObjectNode wrongType = find(render("production"), "Deployment", "hub-service").deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "2");
        assertThat(ManifestSchemas.problems(wrongType)).isNotEmpty();

        ObjectNode topic = find(render("production"), "KafkaTopic", "em-subjects").deepCopy();
        ((ObjectNode) topic.path("spec")).put("partition", 12);
        assertThat(ManifestSchemas.problems(topic)).singleElement().asString().contains("partition");

        ObjectNode database = find(render("production"), "Cluster", "em-hub-db").deepCopy();
        ((ObjectNode) database.path("spec")).put("instance", 3);
        ((ObjectNode) database.path("spec")).put("instances", "3");
        assertThat(ManifestSchemas.problems(database)).hasSize(2);

        ObjectNode unknownKind = deployment.deepCopy().put("kind", "Deploymnet");
        assertThat(ManifestSchemas.problems(unknownKind)).singleElement().asString().contains("no schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyContainerIsProbedOnHealthRunsUnprivilegedOnAReadOnlyRootAndHasItsMemoryBounded(String overlay) {
        List<ObjectNode> resources = render(overlay);
        List<ObjectNode> workloads = workloads(resources);
        assertThat(workloads).extracting(w -> w.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        List<ObjectNode> pods = new ArrayList<>(workloads);
        pods.addAll(of(resources, "Job"));
        for (ObjectNode workload : pods) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(Kustomize.name(workload)).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(Kustomize.name(workload)).isFalse();
            for (ObjectNode container : Kustomize.containers(workload)) {
                String which = Kustomize.name(workload) + " " + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(which).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(which).isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).as(which).contains("ALL");
                assertThat(container.path("resources").path("limits").path("memory").asText()).as(which).isNotEmpty();
                assertThat(container.path("resources").path("requests").path("cpu").asText()).as(which).isNotEmpty();
            }
        }
        for (ObjectNode workload : workloads) {
            for (ObjectNode container : Kustomize.containers(workload)) {
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyImageIsPinnedByAReleaseTagOrADigest(String overlay) {
        for (ObjectNode resource : render(overlay)) {
            for (ObjectNode container : Kustomize.containers(resource)) {
                String image = container.path("image").asText();
                assertThat(image).as(Kustomize.name(resource)).matches(".+(@sha256:[0-9a-f]{64}|:[0-9]+\\.[0-9]+\\.[0-9]+)");
            }
        }
        assertThat(find(render("production"), "Deployment", "hub-service").toString())
                .contains("registry.example.org/em/hub-service:0.1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasADisruptionBudgetAndEveryPodOfTheProductIsUnderTheDefaultDenyPolicy(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode deny = find(resources, "NetworkPolicy", "em-default-deny");
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        String productLabel = deny.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/part-of").asText();
        List<ObjectNode> pods = new ArrayList<>(workloads(resources));
        pods.addAll(of(resources, "Job"));
        for (ObjectNode workload : pods) {
            assertThat(workload.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .as(Kustomize.name(workload)).isEqualTo(productLabel);
        }
        for (String service : SERVICES) {
            assertThat(of(resources, "PodDisruptionBudget")).as(service).anySatisfy(pdb ->
                    assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app").asText()).isEqualTo(service));
        }
    }

    @Test
    void theProductionTopicsAreTheOnesDocsProductionMdDescribes() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(em\\.[a-z-]+)` \\| (\\d+) \\| (\\d) / (\\d) \\| \\**(delete|compact)\\**([^|]*)\\|")
                .matcher(Files.readString(REPO.resolve("docs/production.md")));
        while (row.find()) {
            Matcher days = Pattern.compile("(\\d+) days").matcher(row.group(6));
            documented.put(row.group(1), row.group(2) + " partitions, " + row.group(3) + "/" + row.group(4) + ", "
                    + row.group(5) + (days.find() ? ", " + days.group(1) + " days" : "")
                    + (row.group(6).contains("message.timestamp.type=LogAppendTime") ? ", stamped on append" : ""));
        }
        Map<String, String> deployed = new TreeMap<>();
        for (ObjectNode topic : of(render("production"), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            JsonNode config = spec.path("config");
            deployed.put(spec.path("topicName").asText(), spec.path("partitions").asInt() + " partitions, "
                    + spec.path("replicas").asInt() + "/" + config.path("min.insync.replicas").asInt() + ", "
                    + config.path("cleanup.policy").asText()
                    + (config.path("retention.ms").asLong() > 0 ? ", " + config.path("retention.ms").asLong() / 86_400_000 + " days" : "")
                    + (stampedOnAppend(config.path("message.timestamp.type").asText()) ? ", stamped on append" : ""));
        }
        assertThat(documented).hasSize(6);
        assertThat(deployed).isEqualTo(documented);
        // the local stack and the test harness create their topics stamped as production's are
        for (NewTopic local : KafkaTopics.productTopics(3)) {
            boolean stamped = local.configs() != null
                    && stampedOnAppend(local.configs().get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG));
            assertThat(stamped).as(local.name()).isEqualTo(deployed.get(local.name()).endsWith("stamped on append"));
        }
    }

    private static boolean stampedOnAppend(String timestampType) {
        return "LogAppendTime".equals(timestampType);
    }

    @Test
    void eachTopicIsWrittenOnlyByTheServiceThatOwnsItAndReadOnlyByItsConsumers() {
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (ObjectNode user : of(render("production"), "KafkaUser")) {
            String principal = user.path("metadata").path("name").asText();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String operations = acl.path("operations").toString();
                if (!resource.path("type").asText().equals("cluster")) { // the cluster resource has no name
                    assertThat(resource.path("name").asText()).as(principal).isNotIn("*", "");
                }
                assertThat(operations).as(principal).doesNotContain("All", "Alter\"", "AlterConfigs", "ClusterAction");
                if (!resource.path("type").asText().equals("topic") || resource.path("patternType").asText().equals("prefix")) {
                    continue;
                }
                String topic = resource.path("name").asText();
                if (operations.contains("Write")) {
                    writers.computeIfAbsent(topic, t -> new TreeSet<>()).add(principal);
                }
                if (operations.contains("Read")) {
                    readers.computeIfAbsent(topic, t -> new TreeSet<>()).add(principal);
                }
            }
        }
        assertThat(writers).isEqualTo(Map.of(
                "em.breach-notifications", Set.of("em-supplier-gateway"),
                "em.breach-cases", Set.of("em-breach-streams"),
                "em.data-quality", Set.of("em-breach-streams"),
                "em.subjects", Set.of("em-hub-service"),
                "em.audit-checkpoints", Set.of("em-hub-service"),
                "em.dead-letter", Set.of("em-breach-streams", "em-hub-service")));
        assertThat(readers).isEqualTo(Map.of(
                "em.breach-notifications", Set.of("em-breach-streams", "em-hub-service"),
                "em.breach-cases", Set.of("em-hub-service"),
                "em.subjects", Set.of("em-breach-streams"),
                "em.audit-checkpoints", Set.of("em-hub-service"),
                "em.data-quality", Set.of("em-hub-service"),
                "em.dead-letter", Set.of("em-hub-service")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyVariableIsOneItsServiceReadsAndEveryReferencedKeyExists(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Map<String, Set<String>> keys = new HashMap<>();
        for (ObjectNode map : of(resources, "ConfigMap")) {
            keys.put("configMap/" + map.path("metadata").path("name").asText(), fieldNames(map.path("data")));
        }
        for (ObjectNode secret : Kustomize.readAll(K8S.resolve("base/secrets.example.yaml"))) {
            keys.put("secret/" + secret.path("metadata").path("name").asText(), fieldNames(secret.path("stringData")));
        }
        for (ObjectNode user : of(resources, "KafkaUser")) {
            keys.put("secret/" + user.path("metadata").path("name").asText(), STRIMZI_USER_SECRET_KEYS);
        }
        keys.put("secret/" + find(resources, "Kafka", "em-kafka").path("metadata").path("name").asText() + "-cluster-ca-cert",
                Set.of("ca.crt"));

        List<ObjectNode> pods = new ArrayList<>(workloads(resources));
        pods.addAll(of(resources, "Job"));
        for (ObjectNode workload : pods) {
            String service = workload.path("metadata").path("name").asText();
            for (ObjectNode container : Kustomize.containers(workload)) {
                // a container runs one of the services' images (the migration Job runs the hub's): it reads what
                // that service's application.yml reads
                String image = container.path("image").asText().replaceFirst("^(.*/)?em/", "").replaceFirst("[:@].*$", "");
                Set<String> read = SERVICES.contains(image) ? variablesReadBy(image) : Set.of();
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    assertThat(MICRONAUT_MAPPED.contains(name) || KAFKA_CLIENT_SETTING.matcher(name).matches()
                            || read.contains(name)).as(service + " does not read " + name).isTrue();
                    JsonNode from = env.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        JsonNode ref = from.path("configMapKeyRef");
                        assertThat(keys.getOrDefault("configMap/" + ref.path("name").asText(), Set.of()))
                                .as(service + " " + name).contains(ref.path("key").asText());
                    }
                    if (from.has("secretKeyRef")) {
                        JsonNode ref = from.path("secretKeyRef");
                        assertThat(keys.getOrDefault("secret/" + ref.path("name").asText(), Set.of()))
                                .as(service + " " + name).contains(ref.path("key").asText());
                    }
                }
            }
            for (JsonNode volume : workload.path("spec").path("template").path("spec").path("volumes")) {
                if (volume.has("secret")) {
                    String secret = volume.path("secret").path("secretName").asText();
                    for (JsonNode item : volume.path("secret").path("items")) {
                        assertThat(keys.getOrDefault("secret/" + secret, Set.of())).as(service + " volume " + secret)
                                .contains(item.path("key").asText());
                    }
                }
            }
        }
    }

    @Test
    void theRunningHubNeverHoldsTheSchemaOwnersCredentialsOnlyTheMigrationJobDoes() {
        List<ObjectNode> resources = render("production");
        assertThat(find(resources, "Deployment", "hub-service").toString()).doesNotContain("em-hub-db-owner", "HUB_DB_MIGRATION");
        assertThat(of(resources, "Job")).singleElement().satisfies(job ->
                assertThat(job.toString()).contains("em-hub-db-owner"));
        assertThat(find(resources, "Cluster", "em-hub-db").path("spec").path("instances").asInt()).isEqualTo(3);
    }

    private static List<ObjectNode> render(String overlay) {
        return Kustomize.build(K8S.resolve("overlays").resolve(overlay));
    }

    private static List<ObjectNode> workloads(List<ObjectNode> resources) {
        List<ObjectNode> found = new ArrayList<>(of(resources, "Deployment"));
        found.addAll(of(resources, "StatefulSet"));
        return found;
    }

    private static List<ObjectNode> of(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return of(resources, kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The environment variables a service's application.yml names in {@code ${NAME...}} placeholders. */
    private static Set<String> variablesReadBy(String service) {
        try {
            String yml = Files.readString(REPO.resolve(service).resolve("src/main/resources/application.yml"));
            Set<String> names = new HashSet<>();
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(yml);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
