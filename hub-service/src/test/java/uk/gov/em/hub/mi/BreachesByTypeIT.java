package uk.gov.em.hub.mi;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.contracts.ReceivedNotification;
import uk.gov.em.hub.testing.ANotification;
import uk.gov.em.hub.testing.HubIntegrationTest;
import uk.gov.em.hub.testing.PublishedBreachTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MI reproduces the published "breaches by type" table cell for cell from 7,131 generated notifications
 * put on the real em.breach-notifications topic (the end-to-end path through the gateway is covered by
 * the stack's end-to-end test), with redeliveries and notifications just outside the months mixed in.
 */
@MicronautTest(transactional = false)
class BreachesByTypeIT extends HubIntegrationTest {

    private static final int PUBLISHED_TOTAL = PublishedBreachTable.TOTAL;
    private static final List<BreachType> OTHER_TYPES = Arrays.stream(BreachType.values())
            .filter(t -> t.miCategory().equals(BreachType.MI_OTHER)).toList();

    private final String supplier = "mi-" + UUID.randomUUID();
    private Table published;

    /** The published table: rows by type (and TOTAL), columns by month (and total). */
    record Table(List<String> months, Map<String, Map<String, Long>> cells) {
    }

    @BeforeAll
    void postTheGeneratedNotifications() {
        PublishedBreachTable table = PublishedBreachTable.read();
        published = new Table(table.months(), table.cells());
        List<ReceivedNotification> notifications = table.notifications(supplier);
        assertThat(notifications).hasSize(PUBLISHED_TOTAL);
        List<ReceivedNotification> outside = List.of(
                ANotification.aNotification().supplier(supplier).occurredAt(Instant.parse("2021-08-31T23:59:59Z")).build(),
                ANotification.aNotification().supplier(supplier).occurredAt(Instant.parse("2022-03-01T00:00:00Z")).build());
        List<ReceivedNotification> all = new ArrayList<>(notifications);
        all.addAll(outside);
        all.addAll(notifications.subList(0, 500));
        publishNotifications(all);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                count("SELECT count(*) FROM notification WHERE supplier = '" + supplier + "'") == PUBLISHED_TOTAL + 2);
    }

    @Test
    void breachesByTypeReproducesThePublishedTableCellForCell() {
        JsonNode rows = getJson("/api/v1/mi/breaches-by-type?from=2021-09&to=2022-02&grouping=published&supplier="
                + supplier, tokenFor(OPS)).get("rows");

        Map<String, Map<String, Long>> cells = new TreeMap<>();
        rows.forEach(r -> cells.computeIfAbsent(r.get("type").asText(), k -> new TreeMap<>())
                .put(r.get("month").asText(), r.get("count").asLong()));
        Map<String, Long> totals = new TreeMap<>();
        cells.values().forEach(byMonth -> byMonth.forEach((month, n) -> totals.merge(month, n, Long::sum)));
        cells.put("TOTAL", totals);
        cells.values().forEach(byMonth -> byMonth.put("total", byMonth.values().stream().mapToLong(Long::longValue).sum()));

        assertThat(cells).isEqualTo(new TreeMap<>(published.cells()));
    }

    @Test
    void byCatalogueCodeTheRowsAddUpToTheSameMonthsAndOtherIsEveryCodeButTheFive() {
        JsonNode rows = getJson("/api/v1/mi/breaches-by-type?from=2021-09&to=2022-02&supplier=" + supplier,
                tokenFor(OPS)).get("rows");

        Map<String, Long> otherByMonth = new TreeMap<>();
        long total = 0;
        for (JsonNode r : rows) {
            total += r.get("count").asLong();
            if (BreachType.valueOf(r.get("type").asText()).miCategory().equals(BreachType.MI_OTHER)) {
                otherByMonth.merge(r.get("month").asText(), r.get("count").asLong(), Long::sum);
            }
        }
        assertThat(total).isEqualTo(PUBLISHED_TOTAL);
        Map<String, Long> expectedOther = new TreeMap<>(published.cells().get(BreachType.MI_OTHER));
        expectedOther.remove("total");
        assertThat(otherByMonth).isEqualTo(expectedOther);
    }

    @Test
    void monthsAreInclusiveAndOutsideThemNothingIsCounted() {
        JsonNode august = getJson("/api/v1/mi/breaches-by-type?from=2021-08&to=2021-08&supplier=" + supplier,
                tokenFor(OPS)).get("rows");

        assertThat(august).hasSize(1);
        assertThat(august.get(0).get("count").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/mi/breaches-by-type?from=2022-02&to=2021-09", tokenFor(OPS)).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/mi/breaches-by-type?from=2021-9", tokenFor(OPS)).statusCode()).isEqualTo(400);
    }
}
