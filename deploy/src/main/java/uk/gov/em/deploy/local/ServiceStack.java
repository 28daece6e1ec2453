package uk.gov.em.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The three services of the product — hub, gateway, stream processor — started as separate JVMs against
 * a Kafka broker and a PostgreSQL database that someone else runs (the local stack's embedded ones, or a
 * test harness's), each {@linkplain ServiceProcess#supervise() supervised} once healthy. The hub and the
 * stream processor can run as several instances sharing their consumer groups: instance n (from 2) is
 * named {@code <service>-n} and listens on the first instance's port + 10·(n−1); a stream instance keeps its
 * state in a directory of its own.
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
            Path streamsStateDir, Path logDir, int hubInstances, int streamsInstances) {

        /** One instance of each service. */
        public Settings(Path gatewayJar, Path streamsJar, Path hubJar, int hubPort, int gatewayPort, int streamsPort,
                        String kafkaBootstrap, String jdbcUrl, String jdbcUser, String jdbcPassword,
                        DatabaseLogin hubOwner, String supplierSecrets, String hubUsers, String jwtSecret,
                        Path streamsStateDir, Path logDir) {
            this(gatewayJar, streamsJar, hubJar, hubPort, gatewayPort, streamsPort, kafkaBootstrap, jdbcUrl, jdbcUser,
                    jdbcPassword, hubOwner, supplierSecrets, hubUsers, jwtSecret, streamsStateDir, logDir, 1, 1);
        }
    }

    /** A database role and its password. */
    public record DatabaseLogin(String user, String password) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    public static final String HUB = "hub-service";
    public static final String GATEWAY = "supplier-gateway";
    public static final String STREAMS = "breach-streams";
    private static final int INSTANCE_PORT_STEP = 10;

    private final List<ServiceProcess> processes;
    private final Settings settings;
    private final Map<String, Map<String, String>> environments;

    private ServiceStack(List<ServiceProcess> processes, Settings settings, Map<String, Map<String, String>> environments) {
        this.processes = processes;
        this.settings = settings;
        this.environments = environments;
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

        hubEnv.putAll(environmentByService.getOrDefault(HUB, Map.of()));
        gatewayEnv.putAll(environmentByService.getOrDefault(GATEWAY, Map.of()));
        streamsEnv.putAll(environmentByService.getOrDefault(STREAMS, Map.of()));

        List<ServiceProcess> started = new CopyOnWriteArrayList<>();
        ServiceStack stack = new ServiceStack(started, s, Map.of(HUB, Map.copyOf(hubEnv), GATEWAY, Map.copyOf(gatewayEnv),
                STREAMS, Map.copyOf(streamsEnv)));
        try {
            // First one of each (the hub migrates the schema alone), then the extra instances.
            List<ServiceProcess> first = List.of(stack.launch(HUB, 1), stack.launch(GATEWAY, 1), stack.launch(STREAMS, 1));
            awaitHealthy(first);
            List<ServiceProcess> more = new ArrayList<>();
            for (int n = 2; n <= s.hubInstances(); n++) {
                more.add(stack.launch(HUB, n));
            }
            for (int n = 2; n <= s.streamsInstances(); n++) {
                more.add(stack.launch(STREAMS, n));
            }
            awaitHealthy(more);
            started.forEach(ServiceProcess::supervise);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts instance {@code n} of {@code service} (hub or stream processor) next to the running ones, waits
     * until it is healthy and supervises it.
     */
    public ServiceProcess startInstance(String service, int n) {
        ServiceProcess instance = launch(service, n);
        instance.awaitHealthy(START_TIMEOUT);
        instance.supervise();
        return instance;
    }

    /** Every instance of {@code service} started so far, in the order they were started. */
    public List<ServiceProcess> instances(String service) {
        return processes.stream().filter(p -> p.name().equals(service) || p.name().startsWith(service + "-")).toList();
    }

    private ServiceProcess launch(String service, int n) {
        Map<String, String> env = new HashMap<>(environments.get(service));
        String name = n == 1 ? service : service + "-" + n;
        if (service.equals(STREAMS) && n > 1) {
            env.put("EM_STREAMS_STATE_DIR", settings.streamsStateDir().resolveSibling(
                    settings.streamsStateDir().getFileName() + "-" + n).toString());
        }
        ServiceProcess process = switch (service) {
            case HUB -> ServiceProcess.start(name, settings.hubJar(), instancePort(settings.hubPort(), n), env, settings.logDir());
            case GATEWAY -> ServiceProcess.start(name, settings.gatewayJar(), instancePort(settings.gatewayPort(), n), env,
                    settings.logDir());
            case STREAMS -> ServiceProcess.start(name, settings.streamsJar(), instancePort(settings.streamsPort(), n), env,
                    settings.logDir());
            default -> throw new IllegalArgumentException("no service " + service);
        };
        processes.add(process);
        return process;
    }

    /** Instance n of a service listens on its first instance's port + 10·(n−1). */
    public static int instancePort(int firstPort, int n) {
        return firstPort + INSTANCE_PORT_STEP * (n - 1);
    }

    private static void awaitHealthy(List<ServiceProcess> starting) {
        atOnce(starting, p -> p.awaitHealthy(START_TIMEOUT));
    }

    /**
     * Does {@code step} for every process at once, each on a virtual thread of its own, and throws the first failure
     * once all are done. Not on the common pool: it has one thread on two cores, which did them one after another.
     */
    private static void atOnce(List<ServiceProcess> processes, Consumer<ServiceProcess> step) {
        List<Future<?>> steps;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            steps = processes.stream().<Future<?>>map(p -> threads.submit(() -> step.accept(p))).toList();
        }
        for (Future<?> done : steps) {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public ServiceProcess service(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public String hubUrl() {
        return service(HUB).baseUrl();
    }

    public String gatewayUrl() {
        return service(GATEWAY).baseUrl();
    }

    public String streamsUrl() {
        return service(STREAMS).baseUrl();
    }

    /**
     * Stops every service, all at once, each with its grace period. Every supervisor hears first that the stack is
     * stopping: Ctrl-C reaches the services too, and one that exits while another is still stopping must not be
     * taken for a crash and started again.
     */
    @Override
    public void close() {
        processes.forEach(ServiceProcess::expectExit);
        atOnce(processes, ServiceProcess::close);
    }
}
