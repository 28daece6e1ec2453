package uk.gov.em.gateway.bench;

import org.apache.kafka.clients.admin.NewTopic;
import uk.gov.em.infra.EmbeddedKafkaBroker;
import uk.gov.em.infra.KafkaTopics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's broker, in its own JVM: a real single-node KRaft broker with the product topics and the topic
 * ProducerPerformance writes to, all with the same number of partitions. Prints {@code READY <bootstrap>}.
 */
public final class BenchBroker {

    public static final String PERF_TOPIC = "em.bench-producer-performance";

    private BenchBroker() {
    }

    public static void main(String[] args) throws Exception {
        int partitions = Integer.parseInt(args[0]);
        Path data = Files.createTempDirectory("em-bench-kafka-");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0);
        List<NewTopic> topics = new ArrayList<>(KafkaTopics.productTopics(partitions));
        topics.add(new NewTopic(PERF_TOPIC, partitions, (short) 1));
        KafkaTopics.ensure(broker.bootstrapServers(), topics);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("READY " + broker.bootstrapServers());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
