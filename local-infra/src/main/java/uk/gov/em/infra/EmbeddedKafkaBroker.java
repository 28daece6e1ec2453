package uk.gov.em.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A real, single-node Kafka broker (KRaft, broker and controller combined) running inside this JVM.
 * Its data lives under one directory, so it survives a restart of the broker or of the JVM; every
 * internal topic is sized for one node. It can be stopped and started again on the same ports, which is
 * how tests take Kafka away from a service and give it back.
 *
 * <p>{@link #startSecured} starts it as a production cluster is run: clients must sign in with SASL/SCRAM
 * ({@value #SCRAM_MECHANISM}) and {@code StandardAuthorizer} refuses whatever no ACL allows, so tests can
 * prove each service works with its own principal and nothing more.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** The SASL mechanism of a secured broker (the one Strimzi's {@code scram-sha-512} users sign in with). */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final ScramLogin superUser;
    private KafkaRaftServer server;

    /** A SCRAM user name and password. */
    public record ScramLogin(String user, String password) {

        /** The client settings that sign in as this user on a secured broker's listener. */
        public Map<String, Object> clientSettings() {
            return Map.of("security.protocol", "SASL_PLAINTEXT",
                    "sasl.mechanism", SCRAM_MECHANISM,
                    "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + user + "\" password=\"" + password + "\";");
        }
    }

    private EmbeddedKafkaBroker(Path dataDir, int port, int controllerPort, ScramLogin superUser) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.superUser = superUser;
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}, listening on 127.0.0.1:{@code port}
     * (0 picks a free port).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, 0);
    }

    /**
     * Starts a broker whose controller listens on {@code controllerPort} (0 picks a free port). A broker
     * whose data is kept across JVM restarts needs the same controller port every time: KRaft records
     * the controller's endpoint in its metadata.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir,
                port == 0 ? FreePorts.pick() : port, controllerPort == 0 ? FreePorts.pick() : controllerPort, null);
        broker.start();
        return broker;
    }

    /**
     * Starts a broker whose client listener ({@code SASL_PLAINTEXT}, SCRAM) admits only users with SCRAM
     * credentials and whose {@code StandardAuthorizer} allows only what ACLs grant. {@code superUser} is
     * created with the storage (the one principal the ACLs do not bind) and is how the caller creates
     * topics, other users and their ACLs. The controller listener stays on loopback, for the broker alone.
     */
    public static EmbeddedKafkaBroker startSecured(Path dataDir, ScramLogin superUser) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, FreePorts.pick(), FreePorts.pick(), superUser);
        broker.start();
        return broker;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        Properties props = properties();
        format(props);
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        LOG.info("Kafka broker up on {} in {} ms (data in {})", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    /** Stops the broker, keeping its data. Safe to call twice. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("metadata.log.dir", dataDir.resolve("metadata").toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        if (superUser != null) {
            secure(p);
        }
        return p;
    }

    private void secure(Properties p) {
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
        p.put("listener.name.sasl_plaintext." + SCRAM_MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                superUser.clientSettings().get("sasl.jaas.config"));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        // The broker reaches its own controller as ANONYMOUS over the loopback controller listener.
        p.put("super.users", "User:" + superUser.user() + ";User:ANONYMOUS");
    }

    private void format(Properties props) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "written by EmbeddedKafkaBroker");
            }
            Path clusterIdFile = dataDir.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
            }
            String clusterId = Files.readString(clusterIdFile).strip();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("format", "--standalone", "--ignore-formatted",
                    "-t", clusterId, "-c", config.toString()));
            if (superUser != null) {
                args.addAll(List.of("--add-scram", SCRAM_MECHANISM + "=[name=" + superUser.user()
                        + ",password=" + superUser.password() + "]"));
            }
            int rc = StorageTool.execute(args.toArray(String[]::new), new PrintStream(log, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }
}
