package uk.gov.em.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The three services of the product — hub, gateway, stream processor — started as separate JVMs against
 * a Kafka broker and a PostgreSQL database that someone else runs (the local stack's embedded ones, or a
 * test harness's).
 */
public final class ServiceStack implements AutoCloseable {

    /**
     * Where the services' jars are and how to reach the infrastructure they need. When {@code hubOwner}
     * is given, the hub migrates its schema as that role and runs as {@code jdbcUser}, which then owns
     * nothing and may only append to the audit trail; otherwise it does both as {@code jdbcUser}.
     */
    public record Settings(
            Path gatewayJar, Path streamsJar, Path hubJar,
            int hubPort, int gatewayPort, int streamsPort,
            String kafkaBootstrap, String jdbcUrl, String jdbcUser, String jdbcPassword, DatabaseLogin hubOwner,
            String supplierSecrets, String hubUsers, String jwtSecret,
            Path streamsStateDir, Path logDir) {
    }

    /** A database role and its password. */
    public record DatabaseLogin(String user, String password) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final List<ServiceProcess> processes;

    private ServiceStack(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /** Starts all three and returns once every one answers {@code /health} with 200. */
    public static ServiceStack start(Settings s) {
        return start(s, Map.of());
    }

    /**
     * As {@link #start(Settings)}, giving each service (by name: {@code hub-service}, {@code supplier-gateway},
     * {@code breach-streams}) further environment variables, such as its own Kafka principal's
     * {@code KAFKA_SASL_JAAS_CONFIG}.
     */
    public static ServiceStack start(Settings s, Map<String, Map<String, String>> environmentByService) {
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", s.kafkaBootstrap());

        Map<String, String> hubEnv = new HashMap<>(kafka);
        hubEnv.put("DATASOURCES_DEFAULT_URL", s.jdbcUrl());
        hubEnv.put("DATASOURCES_DEFAULT_USERNAME", s.jdbcUser());
        hubEnv.put("DATASOURCES_DEFAULT_PASSWORD", s.jdbcPassword());
        hubEnv.put("EM_JWT_SECRET", s.jwtSecret());
        // Local stacks and tests only: one more secret as stable as the signing secret (kept per data
        // directory). A deployment gives the hub its own random EM_AUDIT_KEY (secrets.example.yaml).
        hubEnv.put("EM_AUDIT_KEY", "audit-chain-key-of-" + s.jwtSecret());
        hubEnv.put("EM_HUB_BOOTSTRAP_USERS", s.hubUsers());
        // every supplier allowed to post is watched for silence from the start, with the default maximum
        hubEnv.put("EM_SUPPLIER_MAX_SILENCE", Arrays.stream(s.supplierSecrets().split(","))
                .map(pair -> pair.split("=", 2)[0].strip() + "=PT30M")
                .collect(Collectors.joining(",")));
        if (s.hubOwner() != null) {
            hubEnv.put("HUB_DB_MIGRATION_URL", s.jdbcUrl());
            hubEnv.put("HUB_DB_MIGRATION_USER", s.hubOwner().user());
            hubEnv.put("HUB_DB_MIGRATION_PASSWORD", s.hubOwner().password());
            hubEnv.put("HUB_DB_APP_ROLE", s.jdbcUser());
        }

        Map<String, String> gatewayEnv = new HashMap<>(kafka);
        gatewayEnv.put("EM_SUPPLIER_SECRETS", s.supplierSecrets());

        Map<String, String> streamsEnv = new HashMap<>(kafka);
        streamsEnv.put("EM_STREAMS_STATE_DIR", s.streamsStateDir().toString());

        List<ServiceProcess> started = new ArrayList<>();
        ServiceStack stack = new ServiceStack(started);
        try {
            hubEnv.putAll(environmentByService.getOrDefault("hub-service", Map.of()));
            gatewayEnv.putAll(environmentByService.getOrDefault("supplier-gateway", Map.of()));
            streamsEnv.putAll(environmentByService.getOrDefault("breach-streams", Map.of()));
            started.add(ServiceProcess.start("hub-service", s.hubJar(), s.hubPort(), hubEnv, s.logDir()));
            started.add(ServiceProcess.start("supplier-gateway", s.gatewayJar(), s.gatewayPort(), gatewayEnv, s.logDir()));
            started.add(ServiceProcess.start("breach-streams", s.streamsJar(), s.streamsPort(), streamsEnv, s.logDir()));
            CompletableFuture.allOf(started.stream()
                    .map(p -> CompletableFuture.runAsync(() -> p.awaitHealthy(START_TIMEOUT)))
                    .toArray(CompletableFuture[]::new)).join();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public String hubUrl() {
        return service("hub-service").baseUrl();
    }

    public String gatewayUrl() {
        return service("supplier-gateway").baseUrl();
    }

    public String streamsUrl() {
        return service("breach-streams").baseUrl();
    }

    /** Stops every service, all at once, each with its grace period. */
    @Override
    public void close() {
        CompletableFuture.allOf(processes.stream()
                .map(p -> CompletableFuture.runAsync(p::close))
                .toArray(CompletableFuture[]::new)).join();
    }
}
