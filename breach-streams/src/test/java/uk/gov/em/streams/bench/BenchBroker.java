package uk.gov.em.streams.bench;

import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.KafkaTopics;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real single-node broker in its own JVM for the benchmarks (so the measured application's heap is its own).
 * Arguments: port (0: any free port). Runs until killed; its log directory goes with it.
 */
public final class BenchBroker {

    private BenchBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicReference<EmbeddedKafkaBroker> running = new AtomicReference<>();
        Path logs = ScratchDirectory.create("bench-kafka-", () -> {
            EmbeddedKafkaBroker broker = running.get();
            if (broker != null) {
                broker.close();
            }
        });
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logs, port);
        running.set(broker);
        KafkaTopics.ensure(broker.bootstrapServers(), KafkaTopics.productTopics(3));
        System.out.println("broker ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
