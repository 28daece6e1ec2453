package uk.gov.em.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.Topics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HarnessIT {

    @Test
    void aRecordWrittenToTheSharedBrokerCanBeReadBack() throws Exception {
        String bootstrap = KafkaHarness.bootstrapServers();
        String key = "S-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DATA_QUALITY, key, "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "harness-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DATA_QUALITY));
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(key)) {
                        seen.add(r.value());
                    }
                }
                return !seen.isEmpty();
            });
            assertThat(seen).containsExactly("hello");
        }
    }

    @Test
    void aFreshDatabaseIsARealPostgresThatStartsEmpty() throws Exception {
        PostgresHarness.Database db = PostgresHarness.freshDatabase("harness");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id int primary key)");
            s.execute("INSERT INTO probe VALUES (1) ON CONFLICT (id) DO NOTHING");
            try (ResultSet rs = s.executeQuery("SELECT version(), count(*) FROM probe, pg_tables WHERE tablename = 'probe'")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("PostgreSQL");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }
}
