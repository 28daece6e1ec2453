package uk.gov.em.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.KafkaTopics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The one real Kafka broker of this test JVM, with the product's topics created. Chosen once, in order:
 * <ol>
 *   <li>an external broker named by {@code EM_TEST_KAFKA_BOOTSTRAP};</li>
 *   <li>a Testcontainers broker when a Docker engine answers;</li>
 *   <li>an embedded KRaft broker inside this JVM.</li>
 * </ol>
 * Never skipped: whichever is chosen is a real broker.
 */
public final class KafkaHarness {

    public static final String ENV_BOOTSTRAP = "EM_TEST_KAFKA_BOOTSTRAP";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final int PARTITIONS = 3;

    private static Broker broker;

    private KafkaHarness() {
    }

    /** {@code bootstrap.servers} of the shared broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = choose();
            KafkaTopics.ensure(broker.bootstrapServers(), KafkaTopics.productTopics(PARTITIONS));
        }
        return broker.bootstrapServers();
    }

    /** Where the broker came from, for test logs: external, testcontainers or embedded. */
    public static synchronized String origin() {
        bootstrapServers();
        return broker.origin();
    }

    /** Takes the broker away (clients see it down) until {@link #restart()}. */
    public static synchronized void stop() {
        bootstrapServers();
        broker.stop();
    }

    /** Brings a stopped broker back on the same address with the same data. */
    public static synchronized void restart() {
        bootstrapServers();
        broker.start();
    }

    private static Broker choose() {
        String external = System.getenv(ENV_BOOTSTRAP);
        if (external != null && !external.isBlank()) {
            return new External(external);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            return new Container(container);
        }
        try {
            EmbeddedKafkaBroker embedded = EmbeddedKafkaBroker.start(Files.createTempDirectory("em-kafka-"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-kafka-stop"));
            return new Embedded(embedded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private sealed interface Broker permits External, Container, Embedded {
        String bootstrapServers();

        String origin();

        void stop();

        void start();
    }

    private record External(String bootstrapServers) implements Broker {
        public String origin() {
            return "external";
        }

        public void stop() {
            throw new UnsupportedOperationException("an external broker (" + ENV_BOOTSTRAP + ") cannot be stopped by a test");
        }

        public void start() {
            throw new UnsupportedOperationException("an external broker (" + ENV_BOOTSTRAP + ") cannot be started by a test");
        }
    }

    private record Container(KafkaContainer container) implements Broker {
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        public String origin() {
            return "testcontainers";
        }

        public void stop() {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        }

        public void start() {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private record Embedded(EmbeddedKafkaBroker broker) implements Broker {
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        public String origin() {
            return "embedded";
        }

        public void stop() {
            broker.stop();
        }

        public void start() {
            broker.start();
        }
    }
}
