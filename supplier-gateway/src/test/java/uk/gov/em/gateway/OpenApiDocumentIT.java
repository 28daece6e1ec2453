package uk.gov.em.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import uk.gov.em.testing.KafkaHarness;
import uk.gov.em.testing.RepositoryFiles;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the gateway serves describes exactly the contract's endpoints (the repository's
 * {@code docs/api/supplier-api.md}): the same paths and methods, the same success status, and every error status
 * the contract names.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT implements TestPropertyProvider {

    /** A row of the contract's endpoint table: | `POST /path` | body | `202` ... | */
    private static final Pattern ENDPOINT = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]+)` \\|.*\\| `(\\d{3})`");
    private static final Pattern STATUS = Pattern.compile("`([1-5]\\d{2})`");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("kafka.bootstrap.servers", KafkaHarness.bootstrapServers());
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesAnOpenApiDocumentWithTheContractsPathsMethodsAndStatuses() throws IOException {
        String contract = RepositoryFiles.read("docs/api/supplier-api.md");
        Map<String, String> successByEndpoint = new LinkedHashMap<>();
        contract.lines().map(ENDPOINT::matcher).filter(Matcher::find)
                .forEach(m -> successByEndpoint.put(m.group(1).toLowerCase() + " " + m.group(2), m.group(3)));
        Set<String> contractStatuses = new TreeSet<>();
        Matcher statuses = STATUS.matcher(contract);
        while (statuses.find()) {
            contractStatuses.add(statuses.group(1));
        }

        HttpResponse<String> served = new GatewayClient(server.getURL()).get("/openapi/supplier-api.yml");

        assertThat(served.statusCode()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(served.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> documented.put(method + " " + path,
                new TreeSet<>(((Map<String, Object>) operation.get("responses")).keySet()))));

        assertThat(successByEndpoint).containsOnlyKeys("post /api/v1/notifications", "post /api/v1/notifications/batch");
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(successByEndpoint.keySet());
        successByEndpoint.forEach((endpoint, success) ->
                assertThat(documented.get(endpoint)).as(endpoint).contains(success, "400", "401", "413", "415", "429", "503"));
        assertThat(documented.get("post /api/v1/notifications")).contains("422");
        Set<String> everyDocumentedStatus = new TreeSet<>();
        documented.values().forEach(everyDocumentedStatus::addAll);
        assertThat(everyDocumentedStatus).containsAll(contractStatuses)
                .containsAll(List.of("200", "202", "400", "401", "413", "415", "422", "429", "503"));
    }
}
