package uk.gov.em.gateway.ingest.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.em.contracts.NotificationRules.FieldProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.minimal;
import static uk.gov.em.gateway.ingest.domain.NotificationJson.valid;

class BatchParserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final BatchParser parser = new BatchParser(new NotificationParser(), 5);

    @Test
    void judgesEveryItemOnItsOwnKeepingTheirOrder() {
        List<BatchItem> items = items(array(valid().text(), minimal().with("type", "NO_SUCH").text(),
                minimal().with("notificationId", "EMS-3").text()));

        assertThat(items).extracting(BatchItem::index).containsExactly(0, 1, 2);
        assertThat(items).extracting(BatchItem::notificationId).containsExactly("EMS-000123", "EMS-000124", "EMS-3");
        assertThat(items.get(0).outcome()).isInstanceOf(ParseOutcome.Valid.class);
        assertThat(problemFields(items.get(1))).containsExactly("type");
        assertThat(items.get(2).outcome()).isInstanceOf(ParseOutcome.Valid.class);
    }

    @Test
    void rejectsOnlyTheItemWithADuplicateKeyAsTheSingleEndpointWould() {
        String duplicated = "{\"notificationId\":\"EMS-9\",\"notificationId\":\"EMS-10\",\"subjectId\":\"S-1\","
                + "\"type\":\"STRAP_TAMPER\",\"occurredAt\":\"2022-02-01T10:15:00Z\"}";

        List<BatchItem> items = items(array(duplicated, minimal().text()));

        assertThat(problemFields(items.get(0))).containsExactly("notificationId");
        assertThat(items.get(0).notificationId()).isEqualTo("EMS-10");
        assertThat(items.get(1).outcome()).isInstanceOf(ParseOutcome.Valid.class);
    }

    @Test
    void rejectsAnItemThatIsNotAnObjectWithoutAnId() {
        List<BatchItem> items = items(array("42", "\"EMS-1\"", "[]", "null", minimal().text()));

        assertThat(items).hasSize(5);
        assertThat(items.subList(0, 4)).allSatisfy(item -> {
            assertThat(item.notificationId()).isNull();
            assertThat(problemFields(item)).containsExactly("$");
        });
        assertThat(items.get(4).outcome()).isInstanceOf(ParseOutcome.Valid.class);
    }

    @Test
    void echoesTheIdARejectedItemClaimsEvenWhenTheIdIsItsProblem() {
        List<BatchItem> items = items(array(minimal().with("notificationId", "bad id").text()));

        assertThat(items.getFirst().notificationId()).isEqualTo("bad id");
        assertThat(problemFields(items.getFirst())).containsExactly("notificationId");
    }

    @Test
    void readsAnEmptyArrayAsAnEmptyBatch() {
        assertThat(items("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void readsASpacedOutMultiLineArray() {
        byte[] body = ("[\n  " + valid().text() + " ,\n\t" + minimal().text() + "\n]\n").getBytes(StandardCharsets.UTF_8);

        assertThat(items(body)).extracting(i -> i.outcome().getClass().getSimpleName()).containsExactly("Valid", "Valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{}", "{\"notificationId\":\"EMS-1\"}", "42", "\"batch\"", "[", "[{}",
            "[{},]", "[{}] []", "[{}]x", "[{\"a\":}]", "nul"})
    void refusesWholeABodyThatIsNotAJsonArray(String body) {
        BatchOutcome outcome = parser.parseJson(body.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Unreadable.class, u ->
                assertThat(u.problems()).extracting(FieldProblem::field).containsExactly("$"));
    }

    @Test
    void refusesWholeABatchOfMoreItemsThanAllowed() {
        String six = IntStream.range(0, 6).mapToObj(i -> minimal().text()).collect(Collectors.joining(","));

        assertThat(parser.parseJson(("[" + six + "]").getBytes(StandardCharsets.UTF_8), NOW))
                .isEqualTo(new BatchOutcome.TooManyItems(6, 5));
    }

    @Test
    void refusesWholeABodyThatIsNotUtf8() {
        byte[] latin1 = ("[" + minimal().with("deviceId", "caf\u00e9").text() + "]").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parser.parseJson(latin1, NOW)).isInstanceOf(BatchOutcome.Unreadable.class);
    }

    static byte[] array(String... items) {
        return ("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private List<BatchItem> items(byte[] body) {
        BatchOutcome outcome = parser.parseJson(body, NOW);
        assertThat(outcome).isInstanceOf(BatchOutcome.Items.class);
        return ((BatchOutcome.Items) outcome).items();
    }

    static List<String> problemFields(BatchItem item) {
        assertThat(item.outcome()).isInstanceOf(ParseOutcome.Invalid.class);
        return ((ParseOutcome.Invalid) item.outcome()).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void countsTwoMillionEmptyObjectsPastTheLimitWithoutHoldingAnyOfThem() {
        byte[] body = ("[" + "{},".repeat(1_999_999) + "{}]").getBytes(StandardCharsets.UTF_8);
        BatchParser thousand = new BatchParser(new NotificationParser(), 1000);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        BatchOutcome outcome = thousand.parseJson(body, NOW);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(outcome).isEqualTo(new BatchOutcome.TooManyItems(2_000_000, 1000));
        // reading each of them as an item (the old way) allocates hundreds of MiB; counting them, a few
        assertThat(allocated).isLessThan(16L * 1024 * 1024);
    }
}
