package uk.gov.em.gateway.ingest.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.Notification;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.contracts.json.Json;
import uk.gov.em.gateway.GatewayClient;
import uk.gov.em.gateway.NotificationsTopic;
import uk.gov.em.testing.KafkaHarness;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the whole path HTTP → Kafka on the real broker: any valid notification, written with any
 * offset and any fraction of a second, arrives on the topic exactly as sent (as instants); any notification
 * broken in one of the ways the contract forbids is refused with 400 or 422 and never reaches the topic.
 */
class NotificationRoundTripPropertiesIT {

    private static final String SINGLE = "/api/v1/notifications";
    private static final String SUPPLIER = "ems-prop";
    private static final String SECRET = "prop-secret-0123456789abcdef0123456789";
    private static final String IDENTIFIER_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static EmbeddedServer server;
    private static GatewayClient gateway;
    private static NotificationsTopic topic;
    private static final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private static final Set<String> refusedIds = ConcurrentHashMap.newKeySet();

    @BeforeContainer
    static void startTheGateway() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "kafka.bootstrap.servers", KafkaHarness.bootstrapServers(),
                "gateway.auth.secrets", SUPPLIER + "=" + SECRET,
                "gateway.rate-limit.overrides", SUPPLIER + "=100000/100000"), "test");
        gateway = new GatewayClient(server.getURL());
        topic = new NotificationsTopic(KafkaHarness.bootstrapServers());
    }

    @AfterContainer
    static void noRefusedNotificationEverReachedTheTopic() {
        try {
            // a sentinel on every partition, read back: anything written before it on any partition is read too
            List<String> sentinels = new ArrayList<>();
            for (String subject : subjectsCoveringEveryPartition(topic.partitions())) {
                Notification sentinel = new Notification("SENTINEL-" + UUID.randomUUID(), subject, null,
                        BreachType.DEVICE_FAULT, Instant.parse("2024-01-01T00:00:00Z"), null, null, null);
                assertThat(post(Json.toText(sentinel)).statusCode()).isEqualTo(202);
                sentinels.add(sentinel.notificationId());
            }
            topic.awaitRecords(sentinels);

            List<String> written = topic.seen().stream().map(r -> r.value().notification().notificationId()).toList();
            assertThat(written).doesNotContainAnyElementsOf(refusedIds);
            assertThat(written).hasSize(acceptedIds.size() + sentinels.size());
        } finally {
            topic.close();
            server.close();
        }
    }

    @Property(tries = 60)
    void aValidNotificationArrivesOnKafkaExactlyAsSent(@ForAll("validNotifications") Notification sent,
            @ForAll("offsets") ZoneOffset offset) {
        HttpResponse<String> response = post(render(sent, offset).toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        acceptedIds.add(sent.notificationId());
        ConsumerRecord<String, ReceivedNotification> record = topic.awaitRecord(sent.notificationId());
        assertThat(record.value().notification()).isEqualTo(sent);
        assertThat(record.value().supplier()).isEqualTo(SUPPLIER);
        assertThat(record.key()).isEqualTo(sent.subjectId());
    }

    @Property(tries = 60)
    void anInvalidNotificationIsRefusedAndNeverWritten(@ForAll("validNotifications") Notification base,
            @ForAll("offsets") ZoneOffset offset, @ForAll("corruptions") Corruption corruption) {
        ObjectNode json = corruption.apply(render(base, offset));
        refusedIds.add(base.notificationId());
        if (json.get("notificationId") != null && json.get("notificationId").isTextual()) {
            refusedIds.add(json.get("notificationId").textValue());
        }

        HttpResponse<String> response = post(json.toString());

        assertThat(response.statusCode()).as(corruption.name() + ": " + response.body()).isEqualTo(corruption.status());
    }

    @Provide
    Arbitrary<Notification> validNotifications() {
        Arbitrary<String> ids = identifiers(90).map(s -> "P" + UUID.randomUUID().toString().substring(0, 8) + "-" + s);
        Arbitrary<Instant> occurred = Arbitraries.longs()
                .between(EARLIEST.getEpochSecond(), Instant.now().getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
        Arbitrary<Double> endedFraction = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(ids, identifiers(64), identifiers(64).injectNull(0.4),
                        Arbitraries.of(BreachType.class), occurred, endedFraction.injectNull(0.4), identifiers(128).injectNull(0.5),
                        details().injectNull(0.4))
                .as((id, subject, device, type, occurredAt, fraction, episode, details) -> new Notification(id, subject,
                        device, type, occurredAt, fraction == null ? null : between(occurredAt, fraction), episode, details));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-12 * 4, 14 * 4).map(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60));
    }

    @Provide
    Arbitrary<Corruption> corruptions() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                Arbitraries.of("notificationId", "subjectId", "type", "occurredAt")
                        .map(field -> new Corruption("without " + field, 400, n -> remove(n, field))),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
                        .filter(name -> !List.of("type", "details").contains(name))
                        .map(name -> new Corruption("unknown field " + name, 400, n -> n.put(name + "X", "v"))),
                Arbitraries.integers().between(129, 300).map(length -> new Corruption("notificationId of " + length, 400,
                        n -> n.put("notificationId", "N" + UUID.randomUUID() + "x".repeat(length - 37)))),
                Arbitraries.of(" ", "/", "#", "\u00e9", "+", "\"").map(c -> new Corruption("subjectId with '" + c + "'", 400,
                        n -> n.put("subjectId", n.get("subjectId").textValue() + c))),
                Arbitraries.of("deviceId", "subjectId", "occurredAt", "details", "notificationId")
                        .map(field -> new Corruption("numeric " + field, 400, n -> n.set(field, f.numberNode(42)))),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(30)
                        .filter(code -> BreachType.fromCode(code).isEmpty())
                        .map(code -> new Corruption("type " + code, 422, n -> n.put("type", code))),
                Arbitraries.longs().between(301, 10L * 365 * 86_400).map(ahead -> new Corruption(ahead + " s in the future", 422,
                        n -> remove(n.put("occurredAt", Instant.now().plusSeconds(ahead).toString()), "endedAt"))),
                Arbitraries.longs().between(1, 30L * 365 * 86_400).map(before -> new Corruption(before + " s before 2000", 422,
                        n -> remove(n.put("occurredAt", EARLIEST.minusSeconds(before).toString()), "endedAt"))),
                Arbitraries.longs().between(1, 86_400).map(before -> new Corruption("endedAt " + before + " s early", 422,
                        n -> n.put("endedAt", Instant.parse(n.get("occurredAt").textValue()).minusSeconds(before).toString()))),
                Arbitraries.of("2022-02-01", "2022-02-01T10:15Z", "2022-02-01 10:15:00Z", "2022-02-01T10:15:00", "01/02/2022")
                        .map(text -> new Corruption("occurredAt " + text, 400, n -> n.put("occurredAt", text))),
                Arbitraries.just(new Corruption("nested details", 400,
                        n -> n.set("details", f.objectNode().set("nested", f.objectNode().put("a", "b"))))));
    }

    /** One way of breaking a valid notification, and the status the contract gives it. */
    record Corruption(String name, int status, UnaryOperator<ObjectNode> change) {

        ObjectNode apply(ObjectNode notification) {
            return change.apply(notification);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static ObjectNode remove(ObjectNode n, String field) {
        n.remove(field);
        return n;
    }

    private static ObjectNode render(Notification n, ZoneOffset offset) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("notificationId", n.notificationId());
        json.put("subjectId", n.subjectId());
        if (n.deviceId() != null) {
            json.put("deviceId", n.deviceId());
        }
        json.put("type", n.type().code());
        json.put("occurredAt", RFC3339.format(OffsetDateTime.ofInstant(n.occurredAt(), offset)));
        if (n.endedAt() != null) {
            json.put("endedAt", RFC3339.format(OffsetDateTime.ofInstant(n.endedAt(), offset)));
        }
        if (n.episodeId() != null) {
            json.put("episodeId", n.episodeId());
        }
        if (n.details() != null) {
            ObjectNode details = json.putObject("details");
            n.details().forEach(details::put);
        }
        return json;
    }

    private static Arbitrary<String> identifiers(int maxLength) {
        return Arbitraries.strings().withChars(IDENTIFIER_CHARS.toCharArray()).ofMinLength(1).ofMaxLength(maxLength);
    }

    /** Any text a supplier might put in a note: letters, quotes, backslashes, control and non-ASCII characters. */
    private static Arbitrary<Map<String, String>> details() {
        StringArbitrary text = Arbitraries.strings().alpha().numeric().whitespace()
                .withChars('"', '\\', '/', '\u0001', '\u00e9', '\u00a3', '\u20ac', '\u2713', '{', '}')
                .ofMaxLength(40);
        return Arbitraries.maps(text.ofMinLength(1).ofMaxLength(20), text).ofMaxSize(5);
    }

    private static Instant between(Instant start, double fraction) {
        long span = ChronoUnit.MILLIS.between(start, Instant.now().minusSeconds(1));
        return start.plusMillis((long) (Math.max(span, 0) * fraction));
    }

    private static HttpResponse<String> post(String json) {
        return gateway.send(gateway.signedPost(SINGLE, json.getBytes(StandardCharsets.UTF_8), SUPPLIER, SECRET));
    }

    private static List<String> subjectsCoveringEveryPartition(int partitions) {
        List<String> subjects = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < partitions; i++) {
            String subject = "S-SENTINEL-" + i;
            if (covered.add(Utils.toPositive(Utils.murmur2(subject.getBytes(StandardCharsets.UTF_8))) % partitions)) {
                subjects.add(subject);
            }
        }
        return subjects;
    }
}
