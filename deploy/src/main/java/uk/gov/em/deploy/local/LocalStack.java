package uk.gov.em.deploy.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.em.deploy.simulator.NotificationMix;
import uk.gov.em.deploy.simulator.NotificationSimulator;
import uk.gov.em.deploy.simulator.PublishedBreachTable;
import uk.gov.em.deploy.simulator.SimulatedSupplier;
import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.EmbeddedPostgresServer;
import uk.gov.em.infra.KafkaTopics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * The whole product on one machine: a real Kafka broker and a real PostgreSQL embedded in this JVM, the
 * three services as their own JVMs (restarted when they die; the hub and the stream processor optionally
 * as several instances), and a simulated supplier. Started by {@code deploy/local/run};
 * everything it keeps lives under one data directory; SIGINT or SIGTERM stops everything it started.
 */
public final class LocalStack {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    static final String DEV_SUPPLIER = "ems-dev";
    static final String DEV_SUPPLIER_SECRET = "dev-secret-change-me-0123456789abcdef";
    static final String DEV_USERS = "caseworker:caseworker:CASEWORKER;senior:senior:SENIOR_CASEWORKER|CASEWORKER;"
            + "ops:ops:OPS;admin:admin:ADMIN";
    private static final String HUB_DATABASE = "em_hub";
    private static final String HUB_APP_ROLE = "em_hub_app";
    private static final int PARTITIONS = 6;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path repo = Path.of(System.getProperty("em.repo", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("EM_DATA_DIR", repo.resolve(".em-local").toString())).toAbsolutePath();
        int hubPort = port(env, "EM_HUB_PORT", 8080);
        int gatewayPort = port(env, "EM_GATEWAY_PORT", 8081);
        int streamsPort = port(env, "EM_STREAMS_PORT", 8082);
        int kafkaPort = port(env, "EM_KAFKA_PORT", 9092);
        int controllerPort = port(env, "EM_KAFKA_CONTROLLER_PORT", 9093);
        int postgresPort = port(env, "EM_POSTGRES_PORT", 5433);
        int hubInstances = port(env, "EM_HUB_INSTANCES", 1);
        int streamsInstances = port(env, "EM_STREAMS_INSTANCES", 1);
        boolean simulate = !"0".equals(env.getOrDefault("EM_SIMULATE", "1"));
        boolean observe = "1".equals(env.getOrDefault("EM_OBSERVE", "0"));
        double rate = Double.parseDouble(env.getOrDefault("EM_SIMULATE_RATE", "2"));
        Files.createDirectories(data);

        CountDownLatch stopped = new CountDownLatch(1);
        Resources resources = new Resources();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the local stack …");
            resources.close();
            LOG.info("stopped.");
            stopped.countDown();
        }, "local-stack-stop"));

        // Whatever fails while starting stops what did start and ends the launcher: the broker's and PostgreSQL's
        // threads would otherwise keep this JVM, and deploy/local/run with it, running with no stack to show.
        try {
            LOG.info("starting PostgreSQL and Kafka (data in {})", data);
            resources.postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), postgresPort);
            String jdbcUrl = resources.postgres.ensureDatabase(HUB_DATABASE, HUB_DATABASE);
            resources.postgres.ensureLoginRole(HUB_APP_ROLE, HUB_APP_ROLE);
            resources.kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort);
            KafkaTopics.ensure(resources.kafka.bootstrapServers(), KafkaTopics.productTopics(PARTITIONS));

            LOG.info("starting hub-service, supplier-gateway and breach-streams (logs in {})", data.resolve("logs"));
            resources.services = ServiceStack.start(new ServiceStack.Settings(
                    jar(repo, "supplier-gateway"), jar(repo, "breach-streams"), jar(repo, "hub-service"),
                    hubPort, gatewayPort, streamsPort,
                    resources.kafka.bootstrapServers(), jdbcUrl, HUB_APP_ROLE, HUB_APP_ROLE,
                    new ServiceStack.DatabaseLogin(HUB_DATABASE, HUB_DATABASE),
                    DEV_SUPPLIER + "=" + DEV_SUPPLIER_SECRET, DEV_USERS, jwtSecret(data),
                    data.resolve("streams-state"), data.resolve("logs"), hubInstances, streamsInstances));

            if (simulate) {
                resources.simulator = new NotificationSimulator(
                        new SimulatedSupplier(NotificationMix.of(PublishedBreachTable.shipped()), new Random(), 250,
                                Long.toString(System.currentTimeMillis(), 36)),
                        resources.services.gatewayUrl(), DEV_SUPPLIER, DEV_SUPPLIER_SECRET, Clock.systemUTC());
                resources.simulator.start(rate);
            }

            if (observe) {
                resources.observability = Observability.start(repo, data, env, resources.services);
            }

            System.out.printf("READY hub=%s gateway=%s streams=%s kafka=%s postgres=%s"
                            + " | users caseworker/caseworker senior/senior ops/ops admin/admin"
                            + " | supplier %s secret %s | simulator %s | data %s%s%n",
                    urls(resources.services, ServiceStack.HUB), resources.services.gatewayUrl(),
                    urls(resources.services, ServiceStack.STREAMS),
                    resources.kafka.bootstrapServers(), jdbcUrl, DEV_SUPPLIER, DEV_SUPPLIER_SECRET,
                    simulate ? "on (" + rate + "/s; EM_SIMULATE=0 turns it off)" : "off", data,
                    observe ? " | " + resources.observability.summary() : "");
            System.out.println("Services that die are restarted (see the lines above). Press Ctrl-C to stop everything.");
            System.out.flush();
        } catch (Exception e) {
            LOG.error("the local stack could not start", e);
            System.err.println("deploy/local/run: the local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static String urls(ServiceStack services, String service) {
        return String.join(",", services.instances(service).stream().map(ServiceProcess::baseUrl).toList());
    }

    private static Path jar(Path repo, String module) {
        return repo.resolve(module).resolve("target").resolve(module + "-" + version() + ".jar");
    }

    private static String version() {
        return System.getProperty("em.version", "0.1.0-SNAPSHOT");
    }

    /** A signing secret made once per data directory, so sign-ins survive a restart of the stack. */
    private static String jwtSecret(Path data) throws IOException {
        Path file = data.resolve("jwt-secret");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, HexFormat.of().formatHex(bytes));
        }
        return Files.readString(file).strip();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
    }

    /** What has been started so far, stopped in reverse order; safe when start-up failed half-way. */
    private static final class Resources implements AutoCloseable {
        volatile EmbeddedPostgresServer postgres;
        volatile EmbeddedKafkaBroker kafka;
        volatile ServiceStack services;
        volatile NotificationSimulator simulator;
        volatile Observability observability;

        @Override
        public void close() {
            stop("Prometheus and Grafana", observability);
            stop("simulator", simulator);
            stop("services", services);
            stop("Kafka", kafka);
            stop("PostgreSQL", postgres);
        }

        private static void stop(String what, AutoCloseable resource) {
            if (resource == null) {
                return;
            }
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("could not stop {} cleanly: {}", what, e.toString());
            }
        }
    }
}
