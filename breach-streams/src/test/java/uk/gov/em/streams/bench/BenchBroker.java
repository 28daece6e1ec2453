package uk.gov.em.streams.bench;

import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.KafkaTopics;

import java.nio.file.Files;

/**
 * A real single-node broker in its own JVM for the benchmarks (so the measured application's heap is its own).
 * Arguments: port (0: any free port). Runs until killed.
 */
public final class BenchBroker {

    private BenchBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("bench-kafka-"), port);
        KafkaTopics.ensure(broker.bootstrapServers(), KafkaTopics.productTopics(3));
        System.out.println("broker ready on " + broker.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        Thread.currentThread().join();
    }
}
